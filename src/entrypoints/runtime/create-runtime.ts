import path from 'node:path';
import type { Logger } from 'pino';
import { Probot } from 'probot';
import type { AppConfig } from '../../config/index.js';
import { defaultPacingLimits } from '../../core/rollout/index.js';
import type { PacingLimits } from '../../core/rollout/index.js';
import { listPullCommandHelp } from '../../core/commands/index.js';
import { defaultLlmBudget } from '../../core/llm-patch/index.js';
import { createCatalog } from '../../adapters/catalog/index.js';
import { createLlmClient } from '../../adapters/llm/index.js';
import { createCloneCache } from '../../adapters/git/index.js';
import { DownstreamOctokit, createGitHubAccess } from '../../adapters/github/index.js';
import { createQueue } from '../../adapters/queue/index.js';
import type { Queue } from '../../adapters/queue/index.js';
import { openStore } from '../../adapters/store/index.js';
import type { Store } from '../../adapters/store/index.js';
import { runVerifyCommand } from '../../adapters/verify/index.js';
import type { WorkflowDeps } from '../../workflows/index.js';
import { builtinTransforms } from '../../../transforms/index.js';

/** Everything a process of downstream runs on, built from its config, and how to shut it down. */
export type Runtime = {
  config: AppConfig;
  store: Store;
  queue: Queue;
  probot: Probot;
  deps: WorkflowDeps;
  logger: Logger;
  close(): Promise<void>;
};

/** Branches downstream pushes start with; PRs from them are ours. */
export const branchPrefix = 'downstream/';

/**
 * Opens the store (PGlite in DATA_DIR, or DATABASE_URL), the queue on it, the catalog and the
 * GitHub App client, and resolves the App's bot identity. One call per process.
 */
export async function createRuntime(
  config: AppConfig,
  options: { logger: Logger; store?: Store; pacing?: PacingLimits; queueSettings?: { cronMonitorIntervalSeconds?: number; deferSeconds?: number } },
): Promise<Runtime> {
  const { logger } = options;
  const store = options.store ?? (await openStore({ ...(config.databaseUrl === undefined ? { dataDir: path.join(config.dataDir, 'pgdata') } : { databaseUrl: config.databaseUrl }), logger }));
  try {
    const queue = createQueue({ db: store.db, logger, ...options.queueSettings });
    const probot = new Probot({ appId: config.appId, privateKey: config.privateKey, secret: config.webhookSecret, baseUrl: config.githubApiUrl, log: logger.child({ name: 'probot' }), Octokit: DownstreamOctokit });
    const github = createGitHubAccess(probot);
    const catalog = await createCatalog({ setting: config.catalog, ...(config.backstageToken === undefined ? {} : { token: config.backstageToken }) });
    const app = await github.readApp();
    const deps: WorkflowDeps = {
      db: store.db,
      queue,
      github,
      catalog,
      clones: createCloneCache(path.join(config.dataDir, 'clones')),
      transforms: builtinTransforms,
      bot: { appSlug: app.slug, login: app.botLogin, git: { name: app.botLogin, email: `${app.botUserId}+${app.botLogin}@users.noreply.github.com` } },
      logger,
      now: () => new Date(),
      monotonicMs: () => performance.now(),
      runVerifyCommand,
      llm: config.llm === undefined ? undefined : createLlmClient(config.llm),
      llmBudget: { perConsumer: config.llm?.tokensPerConsumer ?? defaultLlmBudget.perConsumer, perMigration: config.llm?.tokensPerMigration ?? defaultLlmBudget.perMigration },
      githubWebUrl: config.githubWebUrl,
      prCommands: listPullCommandHelp({ llmConfigured: config.llm !== undefined }),
      pacing: options.pacing ?? defaultPacingLimits,
      verifyTimeoutMs: 10 * 60_000,
    };
    await queue.start();
    return {
      config,
      store,
      queue,
      probot,
      deps,
      logger,
      async close() {
        await queue.stop({ graceful: true, timeoutSeconds: 30 });
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
