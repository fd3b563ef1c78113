import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes patched files into a checkout, each through a temporary file renamed into place so an
 * interrupted run never leaves half a file. Paths are checkout-relative and must stay inside it.
 */
export async function writeCheckoutFiles(root: string, files: readonly { path: string; after: string }[]): Promise<void> {
  const absoluteRoot = path.resolve(root);
  const targets = files.map((file) => ({ target: path.resolve(absoluteRoot, file.path), file }));
  for (const { target, file } of targets) {
    if (!target.startsWith(`${absoluteRoot}${path.sep}`)) throw new Error(`${file.path}: outside the checkout ${root}`);
  }
  for (const { target, file } of targets) {
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.downstream-${process.pid}.tmp`;
    await writeFile(temporary, file.after);
    await rename(temporary, target);
  }
}
