import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Preloaded into the bot by `npm run bench:faults` only (with --expose-gc): SIGUSR2 runs a full
 * garbage collection and writes the process's memory then (process.memoryUsage) to memoryFileOf(pid),
 * so that what is measured after a load is what the bot keeps, not what V8 has not collected yet.
 */
export const memoryFileOf = (pid: number) => join(tmpdir(), `assistant-admin-365-memory-${pid}.json`);

process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  writeFileSync(memoryFileOf(process.pid), JSON.stringify(process.memoryUsage()));
});
