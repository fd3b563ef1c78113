import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Principal } from '../auth/authenticate.js';
import { authenticate, canSeeRepo, describePrincipal } from '../auth/authenticate.js';
import type { SandboxContext } from '../context.js';
import { findRepo } from '../state/store.js';
import { recordViolations } from '../validation.js';
import { GitHubError, notFound } from './github-error.js';
import { rateLimitHeaders } from './rate-limit.js';
import type { RateWindow } from './rate-limit.js';
import { parseJsonBody, readBody } from './read-body.js';
import type { RestRequest, RestResponse } from './route.js';
import type { CompiledRoute } from './router.js';
import { matchRoute } from './router.js';

/** The prefix GitHub Enterprise serves REST under; Probot's GHE_HOST mode uses it. */
export const enterprisePrefix = '/api/v3';

/** The rate-limit bucket and size a principal draws from (GitHub: per installation, per user, per address). */
export function rateLimitFor(principal: Principal, installationLimit: number): { key: string; limit: number } {
  if (principal.kind === 'installation') return { key: `installation:${principal.installation.id}`, limit: installationLimit };
  if (principal.kind === 'user') return { key: `user:${principal.token.account.login}`, limit: 5000 };
  if (principal.kind === 'app') return { key: 'app', limit: 5000 };
  return { key: 'anonymous', limit: 60 };
}

function allowedByPermissions(route: CompiledRoute, principal: Principal): boolean {
  if (principal.kind !== 'installation' || route.permissions === undefined) return true;
  const granted = principal.token.permissions;
  return route.permissions.some(([name, level]) => granted[name] === 'write' || (level === 'read' && granted[name] === 'read'));
}

function faultResponse(kind: 'server-error' | 'secondary-rate-limit', retryAfterSeconds: number): GitHubError {
  if (kind === 'server-error') return new GitHubError(502, 'Server Error');
  return new GitHubError(
    403,
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
    'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  );
}

export type RestServing = { routes: readonly CompiledRoute[]; installationRateLimit: number };

type Outcome = { response: RestResponse; operationId: string | undefined; principal: Principal; fault: 'server-error' | 'secondary-rate-limit' | undefined; requestBody: unknown; window: RateWindow | undefined };

async function dispatch(context: SandboxContext, serving: RestServing, req: IncomingMessage, url: URL, path: string, prefix: string): Promise<Outcome> {
  const outcome: Outcome = { response: { status: 500 }, operationId: undefined, principal: { kind: 'anonymous' }, fault: undefined, requestBody: undefined, window: undefined };
  try {
    const match = matchRoute(serving.routes, req.method ?? 'GET', path);
    if (match === undefined) throw notFound();
    const { route, params } = match;
    outcome.operationId = route.operationId;
    outcome.requestBody = parseJsonBody(await readBody(req));
    outcome.principal = authenticate(context, req.headers.authorization);
    const principal = outcome.principal;
    if (route.auth === 'jwt' && principal.kind !== 'app') throw new GitHubError(401, 'A JSON web token could not be decoded');
    if (route.auth === 'token' && principal.kind === 'app') throw new GitHubError(403, 'Resource not accessible by integration');
    const budget = rateLimitFor(principal, serving.installationRateLimit);
    if (route.operationId !== 'rate-limit/get') {
      const before = context.rateLimits.peek(budget.key, budget.limit, context.clock.now());
      if (before.remaining === 0) {
        outcome.window = before;
        const who = principal.kind === 'installation' ? `installation ID ${principal.installation.id}` : principal.kind;
        throw new GitHubError(403, `API rate limit exceeded for ${who}.`, undefined, {}, 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit');
      }
      outcome.window = context.rateLimits.consume(budget.key, budget.limit, context.clock.now());
    }
    const fault = context.faults.decide(route.operationId);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.kind !== undefined) {
      outcome.fault = fault.kind;
      throw faultResponse(fault.kind, fault.retryAfterSeconds);
    }
    recordViolations(context.validator, context.violations, { kind: 'request', operationId: route.operationId, body: outcome.requestBody });
    let repo = undefined;
    if (params.owner !== undefined && params.repo !== undefined) {
      repo = findRepo(context.store, params.owner, params.repo);
      if (route.auth === 'token' && (repo === undefined || !canSeeRepo(principal, repo))) throw notFound();
    }
    if (!allowedByPermissions(route, principal)) throw new GitHubError(403, 'Resource not accessible by integration');
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const request: RestRequest = {
      method: req.method ?? 'GET',
      url,
      params,
      query: url.searchParams,
      body: outcome.requestBody,
      headers: req.headers,
      principal,
      urls: { api: `${origin}${prefix}`, web: origin },
      repo,
    };
    outcome.response = await route.handle(context, request);
  } catch (error) {
    if (error instanceof GitHubError) {
      outcome.response = { status: error.status, body: error.body(), headers: { ...error.headers } };
    } else {
      // A sandbox defect: answer like GitHub's 500 and make the test fail through the violation list.
      const message = error instanceof Error ? error.message : String(error);
      context.violations.push({ kind: 'response', where: outcome.operationId ?? path, messages: [`sandbox defect: ${message}`] });
      outcome.response = { status: 500, body: new GitHubError(500, 'Server Error').body() };
    }
  }
  return outcome;
}

/** Serves one REST request: route, authenticate, rate-limit, inject faults, handle, validate, log. */
export async function serveRest(context: SandboxContext, serving: RestServing, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const started = performance.now();
  const prefix = url.pathname.startsWith(`${enterprisePrefix}/`) || url.pathname === enterprisePrefix ? enterprisePrefix : '';
  const path = url.pathname.slice(prefix.length) || '/';
  const outcome = await dispatch(context, serving, req, url, path, prefix);
  const { response } = outcome;
  if (outcome.operationId !== undefined && outcome.fault === undefined && response.raw === undefined) {
    recordViolations(context.validator, context.violations, { kind: 'response', operationId: outcome.operationId, status: response.status, body: response.body });
  }
  const headers: Record<string, string> = {
    'x-github-request-id': randomUUID().toUpperCase(),
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    ...(outcome.window === undefined ? {} : rateLimitHeaders(outcome.window)),
    ...response.headers,
  };
  const payload = response.raw ?? (response.body === undefined ? '' : JSON.stringify(response.body));
  if (response.raw !== undefined) headers['content-type'] = response.contentType ?? 'application/octet-stream';
  else if (response.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(response.status, headers);
  res.end(payload);
  context.requestLog.add({
    at: context.clock.iso(),
    kind: 'rest',
    method: req.method ?? 'GET',
    path: `${path}${url.search}`,
    operationId: outcome.operationId,
    principal: describePrincipal(outcome.principal),
    status: response.status,
    fault: outcome.fault,
    durationMs: Math.round(performance.now() - started),
    requestBody: outcome.requestBody,
    responseBody: response.raw === undefined ? response.body : '[raw]',
  });
}
