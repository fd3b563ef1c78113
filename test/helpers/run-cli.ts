import path from 'node:path';
import { runCli } from '../../src/entrypoints/cli/main.js';

/** The repository root, which fixture paths are relative to. */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs `downstream <argv>` in-process, capturing what it prints. */
export async function runCliCaptured(argv: string[], cwd = repoRoot): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}
