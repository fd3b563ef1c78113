import { existsSync } from 'node:fs';
import path from 'node:path';

/** The checkout's root (where `package.json` and `fixtures/` are), from source or from `dist/`. */
export function findPackageRoot(from: string = import.meta.dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'fixtures'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the downstream checkout above ${from}`);
    dir = parent;
  }
}
