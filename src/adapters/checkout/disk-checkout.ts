import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import ignore from 'ignore';
import type { Checkout } from '../../core/codemods/index.js';

// Never read: installed packages, build output, VCS internals. Whatever .gitignore says comes on top.
const alwaysSkipped = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.next', '.turbo', '.cache']);

async function readIgnoreFile(root: string, relativeDir: string): Promise<string | undefined> {
  try {
    return await readFile(path.join(root, relativeDir, '.gitignore'), 'utf8');
  } catch {
    // Most directories have no .gitignore of their own.
    return undefined;
  }
}

/** Lists files under `root` (relative, `/`-separated), honouring `.gitignore` files along the way. */
async function listFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relativeDir: string, rules: readonly { base: string; matcher: ReturnType<typeof ignore> }[]): Promise<void> => {
    const own = await readIgnoreFile(root, relativeDir);
    const scoped = own === undefined ? rules : [...rules, { base: relativeDir, matcher: ignore().add(own) }];
    const ignored = (relative: string, isDirectory: boolean): boolean =>
      scoped.some(({ base, matcher }) => {
        const inner = base === '' ? relative : relative.slice(base.length + 1);
        return matcher.ignores(isDirectory ? `${inner}/` : inner);
      });
    const entries = await readdir(path.join(root, relativeDir), { withFileTypes: true });
    for (const entry of entries.sort((left, right) => (left.name < right.name ? -1 : 1))) {
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!alwaysSkipped.has(entry.name) && !ignored(relative, true)) await walk(relative, scoped);
      } else if (entry.isFile() && !ignored(relative, false)) {
        files.push(relative);
      }
    }
  };
  await walk('', []);
  return files;
}

/** A checkout on disk for `migrate` (CLI, workflows); it reads only inside `root` and follows no symlinks. */
export function createDiskCheckout(root: string): Checkout {
  const absoluteRoot = path.resolve(root);
  return {
    listFiles: () => listFiles(absoluteRoot),
    readFile: async (relative) => {
      const absolute = path.resolve(absoluteRoot, relative);
      if (!absolute.startsWith(`${absoluteRoot}${path.sep}`)) throw new Error(`${relative}: outside the checkout`);
      // Synchronous on purpose: thousands of small reads finish several times faster than through
      // the promise API, and a checkout is read once per migration.
      return readFileSync(absolute, 'utf8');
    },
  };
}
