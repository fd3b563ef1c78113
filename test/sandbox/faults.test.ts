import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { octokitWith, refusalOf, statusOf, useSandbox } from '../helpers/sandbox.js';

const owner = 'acme';
const repo = 'web';
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('injected faults', () => {
  const env = useSandbox({ seed: { repos: [{ owner, name: repo, files: { 'a.txt': 'a\n' } }] } });

  it('answers a secondary rate limit as GitHub does: 403, its message, and retry-after', async () => {
    env.sandbox.faults.set({ retryAfterSeconds: 7 });
    env.sandbox.faults.failNext('secondary-rate-limit');
    const refusal = await refusalOf(octokitWith(env.sandbox, env.sandbox.installationToken()).rest.issues.create({ owner, repo, title: 'x' }));
    expect(refusal).toMatchObject({ status: 403, response: { headers: { 'retry-after': '7' }, data: { message: expect.stringMatching(/secondary rate limit/) } } });
    env.sandbox.faults.clear();
    expect(env.sandbox.requests().at(-1)).toMatchObject({ operationId: 'issues/create', status: 403, fault: 'secondary-rate-limit' });
  });

  it('is honoured by Probot\'s throttling (waits retry-after, retries) and its retry plugin (5xx)', async () => {
    const seen: number[] = [];
    const octokit = new ProbotOctokit({
      auth: { token: env.sandbox.installationToken() },
      baseUrl: env.sandbox.url,
      log: quiet,
      throttle: {
        onSecondaryRateLimit: (retryAfter: number) => {
          seen.push(retryAfter);
          return true;
        },
        onRateLimit: () => false,
      },
      retry: { retryAfterBaseValue: 10 },
    });
    env.sandbox.faults.set({ retryAfterSeconds: 1 });
    env.sandbox.faults.failNext('secondary-rate-limit');
    const started = Date.now();
    const { data } = await octokit.rest.issues.create({ owner, repo, title: 'Created after waiting' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(seen).toEqual([1]);
    expect(data.title).toBe('Created after waiting');

    env.sandbox.faults.failNext('server-error', 2);
    const { data: fetched } = await octokit.rest.issues.get({ owner, repo, issue_number: data.number });
    expect(fetched.number).toBe(data.number);
    expect(env.sandbox.requests().slice(-3).map((request) => `${request.status}:${request.fault ?? '-'}`)).toEqual(['502:server-error', '502:server-error', '200:-']);
    env.sandbox.faults.clear();
  });

  it('draws a share of 5xx from a seeded generator, so a run repeats exactly', async () => {
    const octokit = octokitWith(env.sandbox, env.sandbox.installationToken());
    async function draw(): Promise<number[]> {
      env.sandbox.faults.set({ serverErrorRate: 0.4, seed: 42 });
      const statuses: number[] = [];
      for (let index = 0; index < 20; index += 1) statuses.push(await statusOf(octokit.rest.repos.get({ owner, repo })));
      env.sandbox.faults.clear();
      return statuses;
    }
    const first = await draw();
    expect(await draw()).toEqual(first);
    const failures = first.filter((status) => status === 502).length;
    expect(failures).toBeGreaterThan(2);
    expect(failures).toBeLessThan(15);
    expect(first.every((status) => status === 200 || status === 502)).toBe(true);
  });

  it('adds latency to REST responses', async () => {
    const octokit = octokitWith(env.sandbox, env.sandbox.installationToken());
    env.sandbox.faults.set({ latencyMs: 250, operations: ['repos/get'] });
    const started = Date.now();
    await octokit.rest.repos.get({ owner, repo });
    const slow = Date.now() - started;
    env.sandbox.faults.clear();
    expect(slow).toBeGreaterThanOrEqual(250);
  });
});
