import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAppConfig } from '../../config/index.js';
import { renderChangeSetText } from '../../core/render/index.js';
import { diffSchemaSources } from '../../core/schema/index.js';
import { listMigrations, listRuns, openStore } from '../../adapters/store/index.js';
import type { Run } from '../../adapters/store/index.js';
import { startSandbox } from '../../sandbox/index.js';
import { createDownstreamApp } from '../app/create-app.js';
import { branchPrefix, createRuntime } from '../runtime/create-runtime.js';
import { createLogger } from '../runtime/create-logger.js';
import { startServer, webhooksPath } from '../server/start-server.js';
import { startWorker } from '../worker/start-worker.js';
import { followEvents } from './demo-progress.js';

/** Where the demo's fixtures live: an upstream schema repository, consumers, a catalog, the change. */
export type DemoFixtures = { root: string; upstream: { owner: string; repo: string; schemaPath: string } };

export type DemoOptions = { fixtures: DemoFixtures; keep: boolean; write(...lines: string[]): void; logLevel: string; timeoutMs: number; signal?: AbortSignal };

const settledStates = new Set<Run['state']>(['not-affected', 'needs-human', 'failed', 'ci-passed', 'ci-failed', 'merged', 'declined', 'skipped', 'held']);

function shortName(entityRef: string): string {
  return entityRef.replace(/^component:default\//, '');
}

function renderSummary(runs: readonly Run[]): string[] {
  const rows = runs.map((run) => [shortName(run.consumer), run.tier, run.state, run.prUrl ?? '—', run.state === 'ci-passed' ? 'passed' : run.state === 'ci-failed' ? 'failed' : run.prUrl === null ? '—' : 'pending']);
  const header = ['CONSUMER', 'TIER', 'STATE', 'PR', 'CI'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

/**
 * `npm run demo`: a local GitHub (the sandbox) seeded with a schema repository and its consumers,
 * downstream on PGlite against it, and a schema change pushed by a person — then every consumer's
 * outcome, PR and CI result. Offline, in a temporary directory it removes afterwards.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const { write, fixtures } = options;
  const workDir = await mkdtemp(path.join(tmpdir(), 'downstream-demo-'));
  const sandbox = await startSandbox({ seed: { dir: path.join(fixtures.root, 'org'), reproducible: true } });
  const logger = createLogger({ level: options.logLevel });
  const config = parseAppConfig({
    APP_ID: String(sandbox.appId),
    PRIVATE_KEY: sandbox.privateKey,
    WEBHOOK_SECRET: sandbox.webhookSecret,
    GITHUB_API_URL: sandbox.url,
    CATALOG: path.join(fixtures.root, 'catalog'),
    DATA_DIR: workDir,
  });
  const store = await openStore({ dataDir: path.join(workDir, 'pgdata'), logger });
  const runtime = await createRuntime(config, { logger, store, queueSettings: { deferSeconds: 1 } });
  const app = createDownstreamApp({ db: store.db, queue: runtime.queue, app: { slug: runtime.deps.bot.appSlug, branchPrefix }, now: () => new Date() });
  const server = await startServer({ probot: runtime.probot, app, db: store.db, host: '127.0.0.1', port: 0 });
  sandbox.setWebhookTarget(`${server.url}${webhooksPath}`);
  await startWorker(runtime.deps, runtime.queue, { patch: 2, io: 4, pollingIntervalSeconds: 0.5 });
  const progress = followEvents(store.db, write);
  const shutdown = async (): Promise<void> => {
    await progress.stop();
    await server.close();
    await runtime.close();
    await sandbox.close();
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    write(`GitHub sandbox at ${sandbox.url}; downstream listening at ${server.url}${webhooksPath}`);
    const { owner, repo, schemaPath } = fixtures.upstream;
    const oldText = await readFile(path.join(fixtures.root, 'org', owner, repo, schemaPath), 'utf8');
    const newText = await readFile(path.join(fixtures.root, 'change', schemaPath), 'utf8');
    write('', `A producer changes ${owner}/${repo}:${schemaPath}:`, '');
    write(renderChangeSetText(diffSchemaSources({ path: schemaPath, text: oldText }, { path: schemaPath, text: newText })));
    const dataset = await runtime.deps.catalog.findDataset('user-profile');
    if (dataset !== undefined) {
      const { consumers } = await runtime.deps.catalog.consumersOf(dataset);
      write(`The catalog lists ${consumers.length} consumers of ${dataset.name}: ${consumers.map((consumer) => `${consumer.name} (${consumer.tier})`).join(', ')}`, '');
    }
    await sandbox.pushFiles({ owner, repo, branch: 'main', files: { [schemaPath]: newText }, message: 'Rename user_email to email; drop legacy_score', as: 'ines' });
    write(`Pushed the change to ${owner}/${repo}@main as ines; downstream takes it from here:`, '');

    const deadline = Date.now() + options.timeoutMs;
    let runs: Run[] = [];
    for (;;) {
      const [migration] = await listMigrations(store.db);
      runs = migration === undefined ? [] : await listRuns(store.db, { migrationId: migration.id });
      if (runs.length > 0 && runs.every((run) => settledStates.has(run.state))) break;
      if (Date.now() > deadline) {
        write('', 'The demo timed out before every consumer settled:');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    write('', ...renderSummary(runs), '');
    const settled = runs.length > 0 && runs.every((run) => settledStates.has(run.state));
    if (options.keep) {
      write(`Still running (--keep): browse ${sandbox.url}/repos/acme/signup-dashboard/pulls, clone ${sandbox.gitUrl('acme', 'signup-dashboard')}. Ctrl-C stops it.`);
      await new Promise<void>((resolve) => {
        if (options.signal === undefined) return;
        options.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    }
    return settled ? 0 : 1;
  } finally {
    await shutdown();
  }
}
