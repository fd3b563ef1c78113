import type { SandboxContext } from '../context.js';
import { GitHubError, badCredentials } from '../http/github-error.js';
import { installationCovers } from '../present/app.js';
import type { Account, App, Installation, Repo, Token } from '../state/types.js';
import { verifyAppJwt } from './app-jwt.js';
import { findLiveToken } from './tokens.js';

/** Who a request acts as. */
export type Principal =
  | { kind: 'app'; app: App }
  | { kind: 'installation'; token: Token; installation: Installation }
  | { kind: 'user'; token: Token }
  | { kind: 'anonymous' };

/** The secret in an Authorization header: `token X`, `Bearer X` (any case) or Basic `user:X`. */
export function readCredential(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  const lower = scheme.toLowerCase();
  if (lower === 'token' || lower === 'bearer') return value;
  if (lower === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1);
  }
  return '';
}

/** Resolves a credential to a principal; unknown, expired or badly signed credentials are 401s. */
export function authenticate(context: SandboxContext, header: string | undefined): Principal {
  const credential = readCredential(header);
  if (credential === undefined) return { kind: 'anonymous' };
  if (credential.split('.').length === 3) {
    const check = verifyAppJwt(credential, { publicKey: context.publicKey, appId: context.app.id, clientId: context.app.clientId, nowSeconds: Math.floor(context.clock.now() / 1000) });
    if (!check.ok) throw new GitHubError(401, check.message);
    return { kind: 'app', app: context.app };
  }
  const token = findLiveToken(context, credential);
  if (token === undefined) throw badCredentials();
  if (token.kind === 'user') return { kind: 'user', token };
  const installation = token.installationId === undefined ? undefined : context.store.installations.get(token.installationId);
  if (installation === undefined) throw badCredentials();
  return { kind: 'installation', token, installation };
}

/** Whether a principal may see a repository at all (otherwise GitHub answers 404, never 403). */
export function canSeeRepo(principal: Principal, repo: Repo): boolean {
  if (principal.kind === 'user') return true;
  if (principal.kind === 'installation') {
    return installationCovers(principal.installation, repo) && (principal.token.repoIds === undefined || principal.token.repoIds.has(repo.id));
  }
  return !repo.private;
}

/** The account a principal acts as, for authorship of comments, commits and statuses. */
export function actorOf(principal: Principal): Account | undefined {
  if (principal.kind === 'installation' || principal.kind === 'user') return principal.token.account;
  return undefined;
}

/** A label for the request log; never the secret itself. */
export function describePrincipal(principal: Principal): string {
  if (principal.kind === 'app') return `app:${principal.app.id}`;
  if (principal.kind === 'installation') return `installation:${principal.installation.id}`;
  if (principal.kind === 'user') return `user:${principal.token.account.login}`;
  return 'anonymous';
}
