import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/git-repos.js';
import { runVerifyCommand } from './run-verify-command.js';

describe('runVerifyCommand', () => {
  it('passes on exit 0 and fails with the output tail otherwise', async () => {
    const cwd = makeTempDir();
    expect(await runVerifyCommand({ command: 'echo ok', cwd, timeoutMs: 10_000 })).toMatchObject({ status: 'passed', exitCode: 0, output: 'ok' });
    expect(await runVerifyCommand({ command: 'echo broken >&2; exit 3', cwd, timeoutMs: 10_000 })).toMatchObject({ status: 'failed', exitCode: 3, output: 'broken' });
  });

  it('kills the whole process group when the command overruns', async () => {
    const result = await runVerifyCommand({ command: 'sleep 30 & sleep 30', cwd: makeTempDir(), timeoutMs: 300 });
    expect(result.status).toBe('timed-out');
    expect(result.durationMs).toBeLessThan(10_000);
  });

  it('hands the command no secret from our environment', async () => {
    process.env.WEBHOOK_SECRET_FOR_TEST = 'do-not-leak';
    try {
      const result = await runVerifyCommand({ command: 'env', cwd: makeTempDir(), timeoutMs: 10_000 });
      expect(result.output).not.toContain('do-not-leak');
      expect(result.output).toContain('PATH=');
    } finally {
      delete process.env.WEBHOOK_SECRET_FOR_TEST;
    }
  });
});
