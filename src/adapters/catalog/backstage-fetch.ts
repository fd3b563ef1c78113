import { z } from 'zod';
import { CatalogError } from '../../core/catalog/index.js';

/** `fetch` that adds `Authorization: Bearer <token>` to every request when a token is configured. */
export function createAuthorizedFetch(fetchImpl: typeof fetch, token: string | undefined): typeof fetch {
  return (input, init) => {
    if (token === undefined) return fetchImpl(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set('authorization', `Bearer ${token}`);
    return fetchImpl(input, { ...init, headers });
  };
}

// The shape of @backstage/errors' ResponseError, which the catalog client throws on a non-2xx answer.
const responseErrorShape = z.object({
  name: z.literal('ResponseError'),
  response: z.object({ status: z.number(), statusText: z.string() }),
  body: z.object({ error: z.object({ message: z.string() }).optional() }).optional(),
});

/**
 * Turns what the catalog client threw into a CatalogError: `request-failed` for an HTTP error
 * status, `unreachable` for a network failure. The token never appears in the message.
 */
export function toCatalogError(error: unknown, baseUrl: string, token: string | undefined): CatalogError {
  const redact = (text: string) => (token === undefined || token === '' ? text : text.split(token).join('***'));
  const response = responseErrorShape.safeParse(error);
  if (response.success) {
    const { status, statusText } = response.data.response;
    const detail = response.data.body?.error?.message;
    return new CatalogError('request-failed', redact(`Backstage answered ${status} ${statusText}${detail === undefined ? '' : `: ${detail}`}`), { source: baseUrl });
  }
  const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return new CatalogError('unreachable', redact(`cannot reach the Backstage catalog (${cause})`), { source: baseUrl });
}
