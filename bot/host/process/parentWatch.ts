/**
 * Preloaded (`node --require`) into every child process the bot starts: when the parent process
 * is gone, its IPC channel closes and the child exits, so that no demo tenant, Azurite or chat
 * client is left running behind a bot that crashed or was killed.
 */
if (process.send && process.connected) {
  process.on('disconnect', () => process.exit(0));
  // The channel must not keep an otherwise finished child alive.
  (process.channel as { unref?: () => void } | undefined)?.unref?.();
}
