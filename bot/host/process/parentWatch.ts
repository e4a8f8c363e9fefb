/**
 * Preloaded (`node --require`) into every child process the bot starts: when the parent process
 * is gone, its IPC channel closes and the child stops, so that no demo tenant, Azurite or chat
 * client is left running behind a bot that crashed or was killed. It stops as if told to
 * (SIGTERM, which each child handles by closing cleanly: Azurite saves what it holds in memory
 * to disk first), and exits regardless if that takes longer than a few seconds.
 */
const GRACE_MS = 10_000;

if (process.send && process.connected) {
  process.on('disconnect', () => {
    // Its output went to the parent, now gone: writing there would fail (EPIPE) and end the child before it has saved.
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', () => undefined);
      stream.write = (() => true) as typeof stream.write;
    }
    setTimeout(() => process.exit(0), GRACE_MS).unref();
    if (process.listenerCount('SIGTERM') > 0) process.emit('SIGTERM');
    else process.exit(0);
  });
  // The channel must not keep an otherwise finished child alive.
  (process.channel as { unref?: () => void } | undefined)?.unref?.();
}
