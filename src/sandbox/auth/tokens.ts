import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { Account, Installation, Permissions, Token } from '../state/types.js';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomToken(prefix: string): string {
  const bytes = randomBytes(36);
  return prefix + Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Issues an installation access token (`ghs_…`), optionally narrowed to some repositories and permissions. */
export function issueInstallationToken(context: SandboxContext, installation: Installation, scope: { repoIds?: Set<number>; permissions?: Permissions } = {}): Token {
  const token: Token = {
    token: randomToken('ghs_'),
    expiresAt: context.clock.now() + context.tokenTtlMs,
    kind: 'installation',
    installationId: installation.id,
    account: installation.app.bot,
    repoIds: scope.repoIds ?? (installation.selection === 'all' ? undefined : new Set(installation.repoIds)),
    permissions: scope.permissions ?? { ...installation.app.permissions },
  };
  context.store.tokens.set(token.token, token);
  return token;
}

/** Issues a personal token (`ghp_…`) so a person can use REST and git as themselves; it does not expire. */
export function issueUserToken(context: SandboxContext, account: Account): Token {
  const token: Token = {
    token: randomToken('ghp_'),
    expiresAt: Number.POSITIVE_INFINITY,
    kind: 'user',
    installationId: undefined,
    account,
    repoIds: undefined,
    permissions: {},
  };
  context.store.tokens.set(token.token, token);
  return token;
}

/** A live token by its secret; undefined for unknown or expired tokens. */
export function findLiveToken(context: SandboxContext, secret: string): Token | undefined {
  const token = context.store.tokens.get(secret);
  return token === undefined || token.expiresAt <= context.clock.now() ? undefined : token;
}
