import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signAppJwt, verifyAppJwt } from './app-jwt.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const now = 1_700_000_000;
const expected = { publicKey, appId: 42, clientId: 'Iv1.abc', nowSeconds: now };

describe('verifyAppJwt', () => {
  it('accepts what Probot signs: RS256, iss = app id, iat 30 s back, nine and a half minutes to live', () => {
    expect(verifyAppJwt(signAppJwt(pem, 42, now), expected)).toEqual({ ok: true });
  });

  it.each([
    ['another app', () => signAppJwt(pem, 43, now), /Issuer/],
    ['an expired token', () => signAppJwt(pem, 42, now - 601), /Expiration time/],
    ['a lifetime over ten minutes', () => signAppJwt(pem, 42, now, 3600), /too far in the future/],
    ['a token issued in the future', () => signAppJwt(pem, 42, now + 300), /too far in the future|Issued at/],
    ['a tampered payload', () => signAppJwt(pem, 42, now).replace(/\.[^.]+\./, `.${Buffer.from(JSON.stringify({ iat: now, exp: now + 500, iss: 42 })).toString('base64url')}.`), /could not be decoded/],
    ['garbage', () => 'not.a.jwt', /could not be decoded/],
  ])('refuses %s', (_case, make, message) => {
    const result = verifyAppJwt(make(), expected);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });
});
