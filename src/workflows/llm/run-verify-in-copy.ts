import { cp, mkdtemp, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeTextFiles } from '../../adapters/files/index.js';
import type { VerifyCommandResult } from '../../adapters/verify/index.js';
import type { LlmPatchDeps } from './llm-patch-deps.js';

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    // Missing is an answer: most checkouts carry no node_modules.
    return false;
  }
}

/**
 * Runs the consumer's `verify` command on a candidate patch without touching the workspace: in a
 * temporary copy (without `.git`; `node_modules` linked, not copied) with `files` written in, through
 * the verify runner (own process group, timeout, no secrets in its environment). The copy is removed after.
 */
export async function runVerifyInCopy(deps: LlmPatchDeps, input: { checkoutDir: string; files: readonly { path: string; text: string }[]; command: string; signal?: AbortSignal }): Promise<VerifyCommandResult> {
  const root = await mkdtemp(path.join(tmpdir(), 'downstream-llm-verify-'));
  const copy = path.join(root, 'checkout');
  try {
    const source = path.resolve(input.checkoutDir);
    await cp(source, copy, {
      recursive: true,
      filter: (entry) => {
        const name = path.basename(entry);
        return entry === source || (name !== '.git' && name !== 'node_modules');
      },
    });
    if (await isDirectory(path.join(source, 'node_modules'))) await symlink(path.join(source, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    await writeTextFiles(copy, input.files);
    return await deps.runVerifyCommand({ command: input.command, cwd: copy, timeoutMs: deps.verifyTimeoutMs, ...(input.signal === undefined ? {} : { signal: input.signal }) });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
