import { existsSync } from 'node:fs';
import path from 'node:path';

/** This project's `node_modules` (found upward from this file, in src/ or dist/), so consumer CI can use our TypeScript. */
export function findProjectNodeModules(from: string = import.meta.dirname): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'node_modules');
    if (existsSync(path.join(candidate, '.bin'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
