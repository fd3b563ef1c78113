import { mkdir } from 'node:fs/promises';
import { runGit } from './run-git.js';

/** Creates an empty bare repository ready to be served over smart HTTP (push, partial and shallow fetch). */
export async function initBareRepo(gitDir: string, defaultBranch: string): Promise<void> {
  await mkdir(gitDir, { recursive: true });
  await runGit(gitDir, ['init', '--bare', '--quiet', `--initial-branch=${defaultBranch}`]);
  const settings: [string, string][] = [
    ['http.receivepack', 'true'],
    ['http.uploadpack', 'true'],
    ['uploadpack.allowFilter', 'true'],
    ['uploadpack.allowAnySHA1InWant', 'true'],
    ['receive.denyDeleteCurrent', 'refuse'],
    // Objects written by the sandbox and by pushes stay loose or in small packs; never pause to gc.
    ['gc.auto', '0'],
  ];
  for (const [key, value] of settings) await runGit(gitDir, ['config', key, value]);
}
