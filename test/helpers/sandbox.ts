import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Sandbox, StartSandboxOptions } from '../../src/sandbox/index.js';
import { signAppJwt, startSandbox } from '../../src/sandbox/index.js';
import { createOpenApiValidator } from './openapi-validator.js';

/** The repository root (fixtures are relative to it). */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Starts a sandbox with the fidelity check on: every request, response and webhook is validated. */
export function startValidatedSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ validator: createOpenApiValidator(), ...options });
}

/** Fails the current test when the sandbox recorded fidelity violations since the last check. */
export function expectNoNewViolations(sandbox: Sandbox, seen: { count: number }): void {
  const fresh = sandbox.violations().slice(seen.count);
  seen.count += fresh.length;
  expect(fresh, 'the sandbox departed from GitHub\'s OpenAPI description').toEqual([]);
}

/**
 * One validated sandbox for a test file: started before the first test, closed after the last;
 * after each test the background work must be idle and no fidelity violation may have been recorded.
 */
export function useSandbox(options: StartSandboxOptions = {}): { readonly sandbox: Sandbox } {
  const holder: { current: Sandbox | undefined } = { current: undefined };
  const seen = { count: 0 };
  beforeAll(async () => {
    holder.current = await startValidatedSandbox(options);
  });
  afterEach(async () => {
    const sandbox = holder.current;
    if (sandbox === undefined) return;
    await sandbox.waitForIdle();
    expectNoNewViolations(sandbox, seen);
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return {
    get sandbox(): Sandbox {
      if (holder.current === undefined) throw new Error('the sandbox is not started yet (use it inside a test)');
      return holder.current;
    },
  };
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** An Octokit (REST, no retries or throttling) against the sandbox with a token or JWT; it does not log. */
export function octokitWith(sandbox: Sandbox, auth: string | undefined): Octokit {
  return new Octokit({ baseUrl: sandbox.url, log: quiet, ...(auth === undefined ? {} : { auth }) });
}

/** An Octokit authenticated as the app itself (a fresh RS256 JWT, as Probot makes). */
export function appOctokit(sandbox: Sandbox): Octokit {
  return octokitWith(sandbox, signAppJwt(sandbox.privateKey, sandbox.appId, Math.floor(Date.now() / 1000)));
}

/** An Octokit with an installation token obtained the way apps do: JWT → POST /app/installations/{id}/access_tokens. */
export async function installationOctokit(sandbox: Sandbox, installationId = sandbox.installationId): Promise<{ octokit: Octokit; token: string }> {
  const { data } = await appOctokit(sandbox).rest.apps.createInstallationAccessToken({ installation_id: installationId });
  return { octokit: octokitWith(sandbox, data.token), token: data.token };
}

/** An Octokit acting as a person, with a personal token. */
export function personOctokit(sandbox: Sandbox, login: string): Octokit {
  return octokitWith(sandbox, sandbox.userToken(login));
}

/** The HTTP status an Octokit call ended with (200 for success), for asserting refusals. */
export function statusOf(promise: Promise<unknown>): Promise<number> {
  return promise.then(
    () => 200,
    (error: unknown) => (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : -1),
  );
}

/** What an Octokit call was refused with (the RequestError, to match with `toMatchObject`), or undefined. */
export function refusalOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}
