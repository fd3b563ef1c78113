import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes files under `root`, each through a temporary file renamed into place, so a crash never
 * leaves a half-written file. Paths are relative with `/` separators and must stay inside `root`.
 */
export async function writeTextFiles(root: string, files: readonly { path: string; text: string }[]): Promise<void> {
  const absoluteRoot = path.resolve(root);
  for (const file of files) {
    const target = path.resolve(absoluteRoot, file.path);
    if (!target.startsWith(`${absoluteRoot}${path.sep}`)) throw new Error(`${file.path}: outside ${root}`);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.downstream-${process.pid}.tmp`;
    await writeFile(temporary, file.text);
    await rename(temporary, target);
  }
}
