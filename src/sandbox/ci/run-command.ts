import { spawn } from 'node:child_process';

export type CommandResult = { exitCode: number | null; timedOut: boolean; output: string; durationMs: number };

// Enough of the log to explain a failure; the head and tail matter most.
const maxOutputBytes = 256 * 1024;

/** Runs a shell script in `cwd` with a clean environment and a timeout that kills the whole process group. */
export function runShellScript(script: string, options: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-e', '-c', script], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      if (size >= maxOutputBytes) return;
      chunks.push(chunk.subarray(0, maxOutputBytes - size));
      size += chunk.length;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group already exited between the timer firing and the kill.
      }
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, timedOut, output: Buffer.concat(chunks).toString('utf8'), durationMs: Math.round(performance.now() - started) });
    });
  });
}
