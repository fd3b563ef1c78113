import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveSandboxUntil } from '../../src/entrypoints/cli/commands/sandbox.js';
import { makeTempDir } from '../helpers/git-repos.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { repoRoot } from '../helpers/sandbox.js';

describe('downstream sandbox', () => {
  it('serves a seeded organization until stopped, printing how to connect an app', async () => {
    let stdout = '';
    const controller = new AbortController();
    const io = { cwd: repoRoot, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stdout += text) } };
    const running = serveSandboxUntil(['--seed', 'fixtures/sandbox/org', '--port', '0', '--key-file', path.join(makeTempDir('sandbox-cli-'), 'app.pem')], io, controller.signal);
    // Surface a startup failure at the await below, not as an unhandled rejection.
    running.catch(() => undefined);
    for (let attempt = 0; attempt < 200 && !stdout.includes('Press Ctrl-C'); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    const token = /token for octocat \(admin on every repository\): (ghp_\w+)/.exec(stdout)?.[1];
    expect(stdout).toMatch(/APP_ID=\d+ PRIVATE_KEY_PATH=\S+ WEBHOOK_SECRET=\w+ GHE_HOST=127\.0\.0\.1:\d+ GHE_PROTOCOL=http/);
    expect(stdout).toContain('repositories: acme/billing, acme/schemas, acme/web-app');
    const response = await fetch(`${url ?? ''}/api/v3/repos/acme/web-app`, { headers: { authorization: `token ${token ?? ''}` } });
    expect(response.status).toBe(200);
    controller.abort();
    expect(await running).toBe(0);
    await expect(fetch(`${url ?? ''}/rate_limit`)).rejects.toThrow();
  });

  it.each([
    [['sandbox'], /--seed DIR is required/],
    [['sandbox', '--seed', 'fixtures/sandbox/org', '--port', 'eighty'], /--port must be a port number/],
    [['sandbox', '--seed', 'fixtures/no-such-folder'], /no-such-folder: no such seed folder/],
    [['sandbox', '--seed', 'fixtures/sandbox/org', '--colour'], /Unknown option '--colour'/],
  ])('refuses %j with a one-line reason and exit 2', async (argv, message) => {
    const run = await runCliCaptured(argv);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(message);
  });
});
