import { simpleGit } from 'simple-git';
import type { SimpleGit } from 'simple-git';
import { readChildProcessEnv } from '../../config/index.js';
import { gitAuthEnv, redactToken } from './git-auth.js';

/** A git command that failed; the message carries git's own words with any token removed. */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  readonly code = 'git-failed';

  constructor(operation: string, cause: unknown, token: string | undefined) {
    const text = cause instanceof Error ? cause.message : String(cause);
    super(`git ${operation} failed: ${redactToken(text, token).trim().split('\n').slice(-3).join(' / ')}`);
  }
}

/** simple-git bound to a directory, with a token for this command's network access only, and extra environment. */
export function openGit(dir: string, options: { token?: string; env?: Record<string, string> } = {}): SimpleGit {
  // The token travels in GIT_CONFIG_* variables we set ourselves, which simple-git only allows when asked.
  return simpleGit({ baseDir: dir, maxConcurrentProcesses: 4, unsafe: { allowUnsafeConfigEnvCount: true } }).env({
    ...readChildProcessEnv(),
    GIT_CONFIG_NOSYSTEM: '1',
    ...gitAuthEnv(options.token),
    ...options.env,
  });
}

/** Runs a git operation, turning its failure into a redacted `GitCommandError`. */
export async function withGit<T>(operation: string, token: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new GitCommandError(operation, error, token);
  }
}
