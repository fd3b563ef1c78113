import { z } from 'zod';
import { issueInstallationToken } from '../auth/tokens.js';
import type { SandboxContext } from '../context.js';
import type { Delivery } from '../events/webhook-queue.js';
import { GitHubError, notFound, validationFailed } from '../http/github-error.js';
import { numberParam, param, parseBody } from '../http/input.js';
import { paginate } from '../http/paginate.js';
import type { RestRequest, Route } from '../http/route.js';
import { installationCovers, presentApp, presentInstallation } from '../present/app.js';
import { presentRepository } from '../present/repository.js';
import { findRepo } from '../state/store.js';
import type { Installation, Permissions } from '../state/types.js';

function getInstallationOrThrow(context: SandboxContext, request: RestRequest): Installation {
  const installation = context.store.installations.get(numberParam(request, 'installation_id'));
  if (installation === undefined || installation.app.id !== context.app.id) throw notFound();
  return installation;
}

const tokenRequest = z.object({
  repositories: z.array(z.string()).optional(),
  repository_ids: z.array(z.number().int()).optional(),
  permissions: z.record(z.string(), z.enum(['read', 'write'])).optional(),
});

function narrowPermissions(installation: Installation, wanted: Permissions | undefined): Permissions | undefined {
  if (wanted === undefined) return undefined;
  for (const [name, level] of Object.entries(wanted)) {
    const granted = installation.app.permissions[name];
    if (granted === undefined || (level === 'write' && granted !== 'write')) {
      throw validationFailed([{ resource: 'Installation', field: 'permissions', code: 'invalid', message: `The permissions requested are not granted to this installation.` }]);
    }
  }
  return { ...wanted, metadata: 'read' };
}

function createAccessToken(context: SandboxContext, request: RestRequest) {
  const installation = getInstallationOrThrow(context, request);
  const input = parseBody(tokenRequest, request.body);
  let repoIds: Set<number> | undefined;
  if (input.repositories !== undefined || input.repository_ids !== undefined) {
    repoIds = new Set();
    for (const name of input.repositories ?? []) {
      const repo = findRepo(context.store, installation.account.login, name);
      if (repo === undefined || !installationCovers(installation, repo)) throw validationFailed([{ resource: 'Installation', field: 'repositories', code: 'invalid', message: 'There is at least one repository that does not exist or is not accessible to the parent installation.' }]);
      repoIds.add(repo.id);
    }
    for (const id of input.repository_ids ?? []) {
      const repo = [...context.store.repos.values()].find((candidate) => candidate.id === id);
      if (repo === undefined || !installationCovers(installation, repo)) throw validationFailed([{ resource: 'Installation', field: 'repository_ids', code: 'invalid', message: 'There is at least one repository that does not exist or is not accessible to the parent installation.' }]);
      repoIds.add(repo.id);
    }
  }
  const token = issueInstallationToken(context, installation, { ...(repoIds === undefined ? {} : { repoIds }), ...(input.permissions === undefined ? {} : { permissions: narrowPermissions(installation, input.permissions) ?? {} }) });
  const repositories = repoIds === undefined ? undefined : [...context.store.repos.values()].filter((repo) => repoIds.has(repo.id)).map((repo) => presentRepository(request.urls, repo));
  return {
    status: 201,
    body: {
      token: token.token,
      expires_at: new Date(token.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      permissions: token.permissions,
      repository_selection: repoIds === undefined ? installation.selection : 'selected',
      ...(repositories === undefined ? {} : { repositories }),
    },
  };
}

function listInstallationRepos(context: SandboxContext, request: RestRequest) {
  const principal = request.principal;
  if (principal.kind !== 'installation') throw new GitHubError(403, 'Resource not accessible by integration');
  const repos = [...context.store.repos.values()]
    .filter((repo) => installationCovers(principal.installation, repo) && (principal.token.repoIds === undefined || principal.token.repoIds.has(repo.id)))
    .sort((a, b) => a.id - b.id);
  const page = paginate(request, repos);
  return {
    status: 200,
    headers: page.headers,
    body: { total_count: repos.length, repositories: page.items.map((repo) => presentRepository(request.urls, repo)), repository_selection: principal.installation.selection },
  };
}

function presentDeliveryItem(delivery: Delivery) {
  return {
    id: delivery.id,
    guid: delivery.guid,
    delivered_at: delivery.deliveredAt ?? new Date(0).toISOString(),
    redelivery: delivery.redelivery,
    duration: delivery.durationMs / 1000,
    status: delivery.status === 'delivered' ? 'OK' : delivery.status === 'pending' ? 'pending' : (delivery.error ?? `Invalid HTTP Response: ${delivery.statusCode ?? 0}`),
    status_code: delivery.statusCode ?? 0,
    event: delivery.event,
    action: delivery.action ?? null,
    installation_id: delivery.installationId ?? null,
    repository_id: delivery.repositoryId ?? null,
  };
}

function findDeliveryOrThrow(context: SandboxContext, request: RestRequest): Delivery {
  const id = numberParam(request, 'delivery_id');
  const delivery = context.webhooks.list().find((candidate) => candidate.id === id);
  if (delivery === undefined) throw notFound();
  return delivery;
}

/** The App endpoints: the app itself (JWT), its installations, tokens and webhook deliveries. */
export const appRoutes: readonly Route[] = [
  { method: 'GET', path: '/app', operationId: 'apps/get-authenticated', auth: 'jwt', handle: (context, request) => ({ status: 200, body: { ...presentApp(request.urls, context.app), installations_count: context.store.installations.size } }) },
  {
    method: 'GET',
    path: '/app/installations',
    operationId: 'apps/list-installations',
    auth: 'jwt',
    handle: (context, request) => {
      const page = paginate(request, [...context.store.installations.values()].filter((installation) => installation.app.id === context.app.id));
      return { status: 200, headers: page.headers, body: page.items.map((installation) => presentInstallation(request.urls, installation)) };
    },
  },
  { method: 'GET', path: '/app/installations/{installation_id}', operationId: 'apps/get-installation', auth: 'jwt', handle: (context, request) => ({ status: 200, body: presentInstallation(request.urls, getInstallationOrThrow(context, request)) }) },
  { method: 'POST', path: '/app/installations/{installation_id}/access_tokens', operationId: 'apps/create-installation-access-token', auth: 'jwt', handle: createAccessToken },
  { method: 'GET', path: '/installation/repositories', operationId: 'apps/list-repos-accessible-to-installation', auth: 'token', handle: listInstallationRepos },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/installation',
    operationId: 'apps/get-repo-installation',
    auth: 'jwt',
    handle: (context, request) => {
      const repo = findRepo(context.store, param(request, 'owner'), param(request, 'repo'));
      const installation = repo === undefined ? undefined : [...context.store.installations.values()].find((candidate) => candidate.app.id === context.app.id && installationCovers(candidate, repo));
      if (installation === undefined) throw notFound();
      return { status: 200, body: presentInstallation(request.urls, installation) };
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/installation',
    operationId: 'apps/get-org-installation',
    auth: 'jwt',
    handle: (context, request) => {
      const org = param(request, 'org').toLowerCase();
      const installation = [...context.store.installations.values()].find((candidate) => candidate.app.id === context.app.id && candidate.account.login.toLowerCase() === org);
      if (installation === undefined) throw notFound();
      return { status: 200, body: presentInstallation(request.urls, installation) };
    },
  },
  {
    method: 'GET',
    path: '/app/hook/deliveries',
    operationId: 'apps/list-webhook-deliveries',
    auth: 'jwt',
    handle: (context, request) => {
      const page = paginate(request, [...context.webhooks.list()].reverse());
      return { status: 200, headers: page.headers, body: page.items.map(presentDeliveryItem) };
    },
  },
  {
    method: 'GET',
    path: '/app/hook/deliveries/{delivery_id}',
    operationId: 'apps/get-webhook-delivery',
    auth: 'jwt',
    handle: (context, request) => {
      const delivery = findDeliveryOrThrow(context, request);
      return {
        status: 200,
        body: {
          ...presentDeliveryItem(delivery),
          url: delivery.target ?? '',
          request: { headers: delivery.headers, payload: delivery.payload },
          response: { headers: {}, payload: null },
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/app/hook/deliveries/{delivery_id}/attempts',
    operationId: 'apps/redeliver-webhook-delivery',
    auth: 'jwt',
    handle: (context, request) => {
      context.webhooks.redeliver(findDeliveryOrThrow(context, request).id);
      return { status: 202, body: {} };
    },
  },
];
