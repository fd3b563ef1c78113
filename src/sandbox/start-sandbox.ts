import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPersonActions } from './actions/person-actions.js';
import { issueInstallationToken, issueUserToken } from './auth/tokens.js';
import { createCiRunner } from './ci/ci-runner.js';
import { findProjectNodeModules } from './ci/find-project-node-modules.js';
import { createClock } from './clock.js';
import type { CiTrigger, SandboxContext } from './context.js';
import { createWebhookQueue } from './events/webhook-queue.js';
import { createSandboxServer } from './http/create-server.js';
import { createFaultInjector } from './http/faults.js';
import { notFound } from './http/github-error.js';
import { createRateLimiter } from './http/rate-limit.js';
import { createRequestLog } from './http/request-log.js';
import { readSeedDir } from './seed/read-seed-dir.js';
import { ensureOrgInstallation, seedRepo } from './seed/seed-repos.js';
import type { Sandbox, SeedInput, StartSandboxOptions } from './sandbox-types.js';
import { createStore, ensureAccount, findRepo } from './state/store.js';
import type { App, Permissions } from './state/types.js';
import { createKeyedLock, createTaskTracker } from './tasks.js';
import { recordViolations } from './validation.js';
import type { Violation } from './validation.js';

const defaultPermissions: Permissions = { metadata: 'read', contents: 'write', pull_requests: 'write', issues: 'write', checks: 'write', statuses: 'write' };
// Apps get installation events without subscribing; GitHub lists only the rest.
const defaultEvents = ['push', 'pull_request', 'issues', 'issue_comment', 'check_run', 'check_suite', 'status'];

function makeApp(input: { id: number; slug: string; owner: App['owner']; bot: App['bot']; permissions: Permissions; events: readonly string[]; createdAt: string }): App {
  return { ...input, name: input.slug, clientId: `Iv1.${randomBytes(8).toString('hex')}`, events: [...input.events] };
}

function privateKeyPair(pem: string | undefined) {
  if (pem !== undefined) return { privateKey: pem, publicKey: createPublicKey(pem) };
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  return { privateKey: pair.privateKey, publicKey: createPublicKey(pair.publicKey) };
}

/** Starts a local GitHub stand-in: real git over smart HTTP, GitHub-shaped REST, signed webhooks, consumer CI. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const clock = createClock(options.now);
  const store = createStore();
  const reposRoot = await mkdtemp(path.join(tmpdir(), 'downstream-sandbox-'));
  const keys = privateKeyPair(options.privateKey);
  const webhookSecret = options.webhookSecret ?? randomBytes(20).toString('hex');
  const now = clock.iso();
  const org = ensureAccount(store, options.org ?? 'acme', 'Organization', now);
  const slug = options.appSlug ?? 'downstream';
  const app = makeApp({ id: options.appId ?? 100, slug, owner: org, bot: ensureAccount(store, `${slug}[bot]`, 'Bot', now), permissions: options.permissions ?? defaultPermissions, events: options.events ?? defaultEvents, createdAt: now });
  const ciApp = makeApp({ id: app.id + 1, slug: 'sandbox-ci', owner: org, bot: ensureAccount(store, 'sandbox-ci[bot]', 'Bot', now), permissions: { checks: 'write', statuses: 'write', contents: 'read', metadata: 'read' }, events: [], createdAt: now });
  store.apps.set(app.id, app);
  store.apps.set(ciApp.id, ciApp);
  const tasks = createTaskTracker();
  const violations: Violation[] = [];
  let origin = '';
  const ciTrigger: { current: CiTrigger } = { current: { headChanged: () => undefined } };
  const context: SandboxContext = {
    store,
    clock,
    reposRoot,
    urls: () => ({ api: origin, web: origin }),
    app,
    ciApp,
    publicKey: keys.publicKey,
    webhookSecret,
    tokenTtlMs: options.tokenTtlMs ?? 60 * 60 * 1000,
    tasks,
    repoLock: createKeyedLock(),
    webhooks: createWebhookQueue({
      secret: webhookSecret,
      appId: app.id,
      hookId: app.id * 1000 + 1,
      clock,
      tasks,
      nextId: () => store.nextId(),
      timeoutMs: options.webhookTimeoutMs ?? 10_000,
      inspect: (delivery) => recordViolations(options.validator, violations, { kind: 'webhook', event: delivery.event, action: delivery.action, payload: delivery.payload, headers: delivery.headers }),
    }),
    ci: { headChanged: (repo, sha, branch) => ciTrigger.current.headChanged(repo, sha, branch) },
    validator: options.validator,
    violations,
    requestLog: createRequestLog(),
    faults: createFaultInjector(),
    rateLimits: createRateLimiter(),
  };
  const nodeModules = findProjectNodeModules();
  const ci = createCiRunner(context, {
    enabled: options.ci?.enabled ?? true,
    timeoutMs: options.ci?.timeoutMs ?? 120_000,
    binDirs: nodeModules === undefined ? [] : [path.join(nodeModules, '.bin')],
    nodeModules,
  });
  ciTrigger.current = ci;
  context.webhooks.setTarget(options.webhookUrl);
  const { installation } = ensureOrgInstallation(context, org.login);

  const server = createSandboxServer(context, { installationRateLimit: options.rateLimit ?? 5000 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('sandbox server has no TCP address');
  const host = `${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  origin = `http://${host}`;

  async function seed(input: SeedInput): Promise<void> {
    const repos = [...(input.dir === undefined ? [] : await readSeedDir(input.dir)), ...(input.repos ?? [])];
    for (const repo of repos) await seedRepo(context, repo, { reproducible: input.reproducible ?? false });
  }
  if (options.seed !== undefined) await seed(options.seed);

  function repoOrThrow(owner: string, repo: string) {
    const found = findRepo(store, owner, repo);
    if (found === undefined) throw notFound();
    return found;
  }

  return {
    ...createPersonActions(context),
    url: origin,
    enterpriseUrl: `${origin}/api/v3`,
    host,
    gitUrl: (owner, repo, token) => (token === undefined ? `${origin}/${owner}/${repo}.git` : `http://x-access-token:${token}@${host}/${owner}/${repo}.git`),
    appId: app.id,
    appSlug: app.slug,
    privateKey: keys.privateKey,
    webhookSecret,
    installationId: installation.id,
    installationIdFor: (owner) => [...store.installations.values()].find((candidate) => candidate.app.id === app.id && candidate.account.login.toLowerCase() === owner.toLowerCase())?.id,
    setWebhookTarget: (url) => context.webhooks.setTarget(url),
    seed,
    userToken: (login) => issueUserToken(context, ensureAccount(store, login, 'User', clock.iso())).token,
    installationToken(tokenOptions = {}) {
      const chosen = store.installations.get(tokenOptions.installationId ?? installation.id);
      if (chosen === undefined) throw notFound();
      const repoIds = tokenOptions.repositories === undefined ? undefined : new Set(tokenOptions.repositories.map((name) => repoOrThrow(chosen.account.login, name).id));
      return issueInstallationToken(context, chosen, repoIds === undefined ? {} : { repoIds }).token;
    },
    ci: {
      setEnabled: ({ owner, repo, enabled }) => {
        repoOrThrow(owner, repo).ci.enabled = enabled;
      },
      force: ({ owner, repo, result }) => {
        repoOrThrow(owner, repo).ci.forced = result;
      },
      run: ({ owner, repo, sha }) => ci.rerun(repoOrThrow(owner, repo), sha),
      outcomes: () => ci.outcomes(),
    },
    faults: { set: (settings) => context.faults.set(settings), clear: () => context.faults.clear(), failNext: (kind, count) => context.faults.failNext(kind, count) },
    advanceClock: (ms) => clock.advance(ms),
    requests: () => context.requestLog.list(),
    deliveries: () => context.webhooks.list(),
    redeliver(id) {
      const delivery = context.webhooks.redeliver(id);
      if (delivery === undefined) throw notFound();
      return delivery;
    },
    violations: () => [...violations],
    waitForIdle: () => tasks.idle(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await tasks.idle().catch(() => undefined);
      await rm(reposRoot, { recursive: true, force: true });
    },
  };
}
