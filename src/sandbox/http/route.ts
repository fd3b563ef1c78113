import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../auth/authenticate.js';
import type { SandboxContext } from '../context.js';
import type { Urls } from '../present/urls.js';
import type { Repo } from '../state/types.js';

/** A REST request after routing and authentication. */
export type RestRequest = {
  method: string;
  /** The URL as the client sent it (absolute, with `/api/v3` when used): the base for `Link` headers. */
  url: URL;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  principal: Principal;
  urls: Urls;
  /** The repository named by `{owner}/{repo}`, already checked to be visible to the principal. */
  repo: Repo | undefined;
};

export type RestResponse = { status: number; body?: unknown; headers?: Record<string, string>; raw?: Buffer | string; contentType?: string };

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One REST operation: GitHub's path template and operationId, who may call it, and its handler. */
export type Route = {
  method: HttpMethod;
  path: string;
  operationId: string;
  /** Path parameters that may span several segments (GitHub's `x-multi-segment`). */
  multiSegment?: readonly string[];
  /** `jwt`: the app itself (a JWT); `token`: an installation, a person, or anyone for public data. */
  auth: 'jwt' | 'token';
  /** Installation permissions that allow the operation (any one suffices), e.g. `[['issues', 'write']]`. */
  permissions?: readonly (readonly [string, 'read' | 'write'])[];
  handle(context: SandboxContext, request: RestRequest): Promise<RestResponse> | RestResponse;
};
