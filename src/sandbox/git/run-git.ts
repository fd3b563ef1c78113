import { execFile } from 'node:child_process';
import { readChildProcessEnv } from '../../config/index.js';

/** A git command that failed, with its exit code and stderr (never an argument list that could hold a secret). */
export class SandboxGitError extends Error {
  readonly code = 'SANDBOX_GIT_FAILED';
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${command} failed (${exitCode ?? 'killed'}): ${stderr.trim().split('\n')[0] ?? ''}`);
    this.name = 'SandboxGitError';
  }
}

export type GitRun = { stdout: Buffer; stderr: string; exitCode: number };

export type GitOptions = { input?: Buffer | string; env?: Record<string, string>; cwd?: string; allowExit?: readonly number[] };

/** Environment for every git the sandbox runs: no system or user config, no prompts, fixed identity defaults. */
export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...readChildProcessEnv(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    ...extra,
  };
}

/** Runs git against the bare repository `gitDir`; exit codes in `allowExit` are answers, not failures. */
export function runGit(gitDir: string, args: readonly string[], options: GitOptions = {}): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['--git-dir', gitDir, ...args],
      { env: gitEnv(options.env), cwd: options.cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        if (exitCode !== null && (exitCode === 0 || (options.allowExit ?? []).includes(exitCode))) {
          resolve({ stdout, stderr: stderr.toString('utf8'), exitCode });
          return;
        }
        reject(new SandboxGitError(args[0] ?? '', exitCode, stderr.toString('utf8')));
      },
    );
    // git may exit without reading its input (an early error); that is reported by its exit code.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input);
  });
}

/** Runs git and returns its stdout as trimmed text. */
export async function gitText(gitDir: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  const { stdout } = await runGit(gitDir, args, options);
  return stdout.toString('utf8').trim();
}
