import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { PacingLimits } from '../../src/core/rollout/index.js';
import { parseAppConfig } from '../../src/config/index.js';
import type { Migration, Run, Store } from '../../src/adapters/store/index.js';
import { listMigrations, listRuns } from '../../src/adapters/store/index.js';
import { jobNames } from '../../src/adapters/queue/index.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { createDownstreamApp } from '../../src/entrypoints/app/create-app.js';
import { branchPrefix, createRuntime } from '../../src/entrypoints/runtime/create-runtime.js';
import type { Runtime } from '../../src/entrypoints/runtime/create-runtime.js';
import { createLogger } from '../../src/entrypoints/runtime/create-logger.js';
import { startServer, webhooksPath } from '../../src/entrypoints/server/start-server.js';
import type { RunningServer } from '../../src/entrypoints/server/start-server.js';
import { startWorker } from '../../src/entrypoints/worker/start-worker.js';
import { makeTempDir } from './git-repos.js';
import { createOpenApiValidator } from './openapi-validator.js';
import { repoRoot } from './run-cli.js';
import { waitFor } from './wait-for.js';

/** The demo fixture set: an upstream schema repository, consumers in several styles, a catalog. */
export const demoFixtures = path.join(repoRoot, 'fixtures/demo');

/** Reads a folder into `{ relativePath: text }`, for pushing a fixture's files as a person. */
export function readFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string): void => {
    for (const name of readdirSync(path.join(dir, relative))) {
      const entry = path.posix.join(relative, name);
      if (statSync(path.join(dir, entry)).isDirectory()) walk(entry);
      else files[entry] = readFileSync(path.join(dir, entry), 'utf8');
    }
  };
  walk('');
  return files;
}

/** The whole product over real HTTP: the sandbox GitHub, the app's webhook server, and a worker. */
export type E2eApp = {
  sandbox: Sandbox;
  runtime: Runtime;
  server: RunningServer;
  /** Stops the server and worker (as a crash or deploy would) and starts new ones on the same store and sandbox. */
  restart(): Promise<void>;
  migrations(): Promise<Migration[]>;
  runs(migrationId: string): Promise<Run[]>;
  /** The run of a consumer (by component name) in the only migration, once there is one. */
  runOf(component: string): Promise<Run | undefined>;
  /** Waits until the run of `component` satisfies `check`. */
  waitForRun(component: string, check: (run: Run) => boolean, timeoutMs?: number): Promise<Run>;
  /** Waits until no delivery, CI run or job is in flight and no run is pending or patching. */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

const busy = new Set<Run['state']>(['pending', 'patching']);

/**
 * Starts the sandbox seeded with `seedDir`, and downstream against it on the given store, with
 * the sandbox's REST and webhooks validated against GitHub's OpenAPI descriptions.
 */
export async function startE2eApp(input: { store: Store; seedDir?: string; catalogDir?: string; logger?: Logger; validate?: boolean; patchConcurrency?: number; pacing?: PacingLimits; llm?: { baseUrl: string; model: string; apiKey?: string } }): Promise<E2eApp> {
  const sandbox = await startSandbox({
    seed: { dir: path.join(input.seedDir ?? demoFixtures, 'org'), reproducible: true },
    ...(input.validate === false ? {} : { validator: createOpenApiValidator() }),
  });
  const logger = input.logger ?? createLogger({ level: 'silent' });
  const config = parseAppConfig({
    APP_ID: String(sandbox.appId),
    PRIVATE_KEY: sandbox.privateKey,
    WEBHOOK_SECRET: sandbox.webhookSecret,
    GITHUB_API_URL: sandbox.url,
    CATALOG: input.catalogDir ?? path.join(demoFixtures, 'catalog'),
    DATA_DIR: makeTempDir('downstream-e2e-'),
    LOG_LEVEL: 'silent',
    // An OpenAI-compatible endpoint (the scripted server in tests); absent → codemods only.
    ...(input.llm === undefined ? {} : { LLM_BASE_URL: input.llm.baseUrl, LLM_MODEL: input.llm.model, ...(input.llm.apiKey === undefined ? {} : { LLM_API_KEY: input.llm.apiKey }) }),
  });

  const boot = async (): Promise<{ runtime: Runtime; server: RunningServer }> => {
    const runtime = await createRuntime(config, { logger, store: input.store, queueSettings: { deferSeconds: 1 }, ...(input.pacing === undefined ? {} : { pacing: input.pacing }) });
    const app = createDownstreamApp({ db: runtime.store.db, queue: runtime.queue, app: { slug: runtime.deps.bot.appSlug, branchPrefix }, now: () => new Date() });
    const server = await startServer({ probot: runtime.probot, app, db: runtime.store.db, host: '127.0.0.1', port: 0 });
    sandbox.setWebhookTarget(`${server.url}${webhooksPath}`);
    await startWorker(runtime.deps, runtime.queue, { patch: input.patchConcurrency ?? 2, io: 4, pollingIntervalSeconds: 0.5 });
    return { runtime, server };
  };
  const stop = async (current: { runtime: Runtime; server: RunningServer }): Promise<void> => {
    await current.server.close();
    await current.runtime.queue.stop({ graceful: true, timeoutSeconds: 30 });
  };

  let current = await boot();
  const e2e: E2eApp = {
    sandbox,
    get runtime() {
      return current.runtime;
    },
    get server() {
      return current.server;
    },
    async restart() {
      await stop(current);
      current = await boot();
    },
    migrations: () => listMigrations(input.store.db),
    async runOf(component) {
      const [migration] = await listMigrations(input.store.db);
      if (migration === undefined) return undefined;
      return (await listRuns(input.store.db, { migrationId: migration.id })).find((run) => run.consumer === `component:default/${component}`);
    },
    async waitForRun(component, check, timeoutMs = 60_000) {
      return waitFor(`${component} to reach the expected state`, async () => {
        const run = await e2e.runOf(component);
        return run !== undefined && check(run) ? run : undefined;
      }, timeoutMs);
    },
    runs: (migrationId) => listRuns(input.store.db, { migrationId }),
    async settle(timeoutMs = 150_000) {
      // What was still moving at the last look, so a timeout says where the campaign stuck.
      let moving = '';
      try {
        await waitFor('the campaign to settle', async () => {
          await sandbox.waitForIdle();
          const migrations = await listMigrations(input.store.db);
          for (const migration of migrations) {
            const runs = await listRuns(input.store.db, { migrationId: migration.id });
            const busyRuns = runs.filter((run) => busy.has(run.state));
            if (busyRuns.length > 0) {
              moving = `runs ${busyRuns.map((run) => `${run.consumer}=${run.state}`).join(', ')}`;
              return undefined;
            }
          }
          // Every kind of job but the scheduled reconcile, which never finishes for good.
          const names = jobNames.filter((name) => name !== 'reconcile');
          const waiting = await Promise.all(names.map((name) => current.runtime.queue.countUnfinished(name)));
          moving = `jobs ${names.filter((_name, index) => (waiting[index] ?? 0) > 0).join(', ')}`;
          return waiting.every((count) => count === 0) ? true : undefined;
        }, timeoutMs);
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)}; still moving: ${moving}`);
      }
      await sandbox.waitForIdle();
    },
    async close() {
      await stop(current);
      await sandbox.close();
    },
  };
  return e2e;
}
