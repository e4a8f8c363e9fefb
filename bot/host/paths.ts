import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root (where package.json is), whether running from sources or from dist/. */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || existsSync(join(dir, 'tsconfig.json')) === false) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No project root above ${start}`);
    dir = parent;
  }
  return dir;
}

const ROOT = findRoot(resolve(__dirname));

export function projectPath(...parts: string[]): string {
  return join(ROOT, ...parts);
}
