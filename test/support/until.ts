import assert from 'node:assert/strict';

/** Waits until `what` holds, looking every 100 ms, for `ms` at most (a busy machine is slow, never wrong). */
export async function until(what: () => boolean, ms = 15000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (what()) return;
  assert.fail('waited in vain');
}
