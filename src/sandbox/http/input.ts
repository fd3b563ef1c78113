import type { z } from 'zod';
import { GitHubError, notFound } from './github-error.js';
import type { RestRequest } from './route.js';

/** Validates a request body; GitHub answers a malformed body with 422 "Invalid request" naming the fields. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const field = issue.path.join('.');
    return field === '' ? issue.message : `"${field}" ${issue.message}`;
  });
  throw new GitHubError(422, `Invalid request.\n\n${lines.join('\n')}`);
}

/** A numeric path parameter (issue number, comment id); anything else is a 404, as on GitHub. */
export function numberParam(request: RestRequest, name: string): number {
  const value = request.params[name] ?? '';
  if (!/^\d+$/.test(value)) throw notFound();
  return Number(value);
}

/** A path parameter GitHub's template guarantees. */
export function param(request: RestRequest, name: string): string {
  return request.params[name] ?? '';
}

/** Requires the repository the route names (resolved and access-checked by the server). */
export function repoOf(request: RestRequest) {
  if (request.repo === undefined) throw notFound();
  return request.repo;
}

/** A query flag or value. */
export function queryValue(request: RestRequest, name: string): string | undefined {
  return request.query.get(name) ?? undefined;
}

/** The account a mutation acts as; anonymous callers get GitHub's 401. */
export function actorOrThrow(request: RestRequest) {
  const principal = request.principal;
  if (principal.kind === 'installation' || principal.kind === 'user') return principal.token.account;
  throw new GitHubError(401, 'Requires authentication');
}
