import { spawn } from 'node:child_process';
import { readChildProcessEnv } from '../../config/index.js';

/** How a consumer's `verify` command ended. `output` is the tail a person reads to see why. */
export type VerifyCommandResult = { status: 'passed' | 'failed' | 'timed-out'; exitCode: number | null; output: string; durationMs: number };

const keptOutput = 4_000;

/**
 * Runs a consumer's own verification command (`verify` in its `.github/downstream.yml`) in its
 * checkout: through `sh -c`, with a timeout, in its own process group (killed whole on timeout),
 * and with an environment that holds no token, key or database URL of ours.
 */
export function runVerifyCommand(input: { command: string; cwd: string; timeoutMs: number; signal?: AbortSignal }): Promise<VerifyCommandResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', input.command], { cwd: input.cwd, env: { ...readChildProcessEnv(), CI: 'true' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-keptOutput);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const killGroup = (): void => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // The group already exited between the timer firing and the kill.
        }
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, input.timeoutMs);
    input.signal?.addEventListener('abort', killGroup, { once: true });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', killGroup);
      const durationMs = Math.round(performance.now() - started);
      const status = timedOut ? 'timed-out' : exitCode === 0 ? 'passed' : 'failed';
      resolve({ status, exitCode, output: output.trim(), durationMs });
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: 'failed', exitCode: null, output: error.message, durationMs: Math.round(performance.now() - started) });
    });
  });
}
