import type { KeyObject } from 'node:crypto';
import { createSign, verify } from 'node:crypto';
import { z } from 'zod';

const headerSchema = z.object({ alg: z.string(), typ: z.string().optional() });
const claimsSchema = z.object({ iat: z.number(), exp: z.number(), iss: z.union([z.string(), z.number()]) });

export type JwtCheck = { ok: true } | { ok: false; message: string };

// GitHub refuses a JWT whose expiry is more than ten minutes ahead; allow the clock drift it tolerates.
const maxLifetimeSeconds = 600;
const skewSeconds = 60;

function decodePart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Checks a GitHub App JWT as GitHub does: RS256 by the app's key, `iss` the app id (or client id), expiry at most 10 minutes ahead. */
export function verifyAppJwt(jwt: string, expected: { publicKey: KeyObject; appId: number; clientId: string; nowSeconds: number }): JwtCheck {
  const parts = jwt.split('.');
  if (parts.length !== 3) return { ok: false, message: 'A JSON web token could not be decoded' };
  const [headerPart = '', claimsPart = '', signaturePart = ''] = parts;
  const header = headerSchema.safeParse(decodePart(headerPart));
  const claims = claimsSchema.safeParse(decodePart(claimsPart));
  if (!header.success || !claims.success) return { ok: false, message: 'A JSON web token could not be decoded' };
  if (header.data.alg !== 'RS256') return { ok: false, message: "'alg' must be RS256" };
  const signed = verify('RSA-SHA256', Buffer.from(`${headerPart}.${claimsPart}`), expected.publicKey, Buffer.from(signaturePart, 'base64url'));
  if (!signed) return { ok: false, message: 'A JSON web token could not be decoded' };
  const { iat, exp, iss } = claims.data;
  if (String(iss) !== String(expected.appId) && iss !== expected.clientId) return { ok: false, message: "'Issuer' claim ('iss') must be an Integer" };
  if (exp <= expected.nowSeconds) return { ok: false, message: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires" };
  if (exp > expected.nowSeconds + maxLifetimeSeconds + skewSeconds || exp - iat > maxLifetimeSeconds + skewSeconds) {
    return { ok: false, message: "'Expiration time' claim ('exp') is too far in the future" };
  }
  if (iat > expected.nowSeconds + skewSeconds) return { ok: false, message: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued" };
  return { ok: true };
}

/** Signs an app JWT (what Probot and @octokit/auth-app do); for tools and tests that talk to the sandbox as the app. */
export function signAppJwt(privateKeyPem: string, appId: number, nowSeconds: number, lifetimeSeconds = 540): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ iat: nowSeconds - 30, exp: nowSeconds - 30 + lifetimeSeconds, iss: appId })}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKeyPem).toString('base64url');
  return `${unsigned}.${signature}`;
}
