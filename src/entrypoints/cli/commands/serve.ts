import { parseArgs } from 'node:util';
import { ConfigError, readAppConfigFromEnv } from '../../../config/index.js';
import { createDownstreamApp } from '../../app/create-app.js';
import { branchPrefix, createRuntime } from '../../runtime/create-runtime.js';
import { createLogger } from '../../runtime/create-logger.js';
import { startServer, webhooksPath } from '../../server/start-server.js';
import { startWorker } from '../../worker/start-worker.js';
import type { CliCommand, CliIo } from '../cli-io.js';
import { exitCodes } from '../cli-io.js';

const serveUsage = `usage: downstream serve

Runs the GitHub App: the webhook server and a worker, in one process (DESIGN §7).
Configuration comes from the environment: APP_ID, PRIVATE_KEY, WEBHOOK_SECRET (required);
DATABASE_URL (absent: PGlite in DATA_DIR, default .downstream), CATALOG (default ./catalog),
GITHUB_API_URL, LLM_BASE_URL/LLM_API_KEY/LLM_MODEL, HOST, PORT (default 3000), LOG_LEVEL.
`;

const workerUsage = `usage: downstream worker

Runs a worker alone, so several can share one PostgreSQL (DATABASE_URL is required: PGlite serves
a single process). Same environment as \`downstream serve\`.
`;

/** Resolves on SIGINT or SIGTERM, so a process drains its jobs before it exits. */
function untilSignalled(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => resolve(signal);
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

async function runProcess(io: CliIo, mode: 'serve' | 'worker'): Promise<number> {
  let config;
  try {
    config = readAppConfigFromEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`downstream ${mode}: ${error.message}\n`);
    return exitCodes.badInput;
  }
  if (mode === 'worker' && config.databaseUrl === undefined) {
    io.stderr.write('downstream worker: DATABASE_URL is required: PGlite serves a single process; run `downstream serve` instead, or point every process at one PostgreSQL\n');
    return exitCodes.badInput;
  }
  const logger = createLogger({ level: config.logLevel });
  const runtime = await createRuntime(config, { logger });
  const server = mode === 'serve'
    ? await startServer({
        probot: runtime.probot,
        app: createDownstreamApp({ db: runtime.store.db, queue: runtime.queue, app: { slug: runtime.deps.bot.appSlug, branchPrefix }, now: () => new Date() }),
        db: runtime.store.db,
        host: config.host,
        port: config.port,
      })
    : undefined;
  await startWorker(runtime.deps, runtime.queue);
  logger.info({ mode, webhooks: server === undefined ? undefined : `${server.url}${webhooksPath}`, app: runtime.deps.bot.appSlug }, 'downstream started');
  const signal = await untilSignalled();
  logger.info({ signal }, 'downstream stopping');
  await server?.close();
  await runtime.close();
  return exitCodes.ok;
}

function command(mode: 'serve' | 'worker', usage: string): CliCommand['run'] {
  return async (argv, io) => {
    const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help === true) {
      io.stdout.write(usage);
      return exitCodes.ok;
    }
    return runProcess(io, mode);
  };
}

/** `downstream serve`: app and worker in one process. */
export const serveCommand: CliCommand = { name: 'serve', summary: 'run the GitHub App: webhook server and worker in one process', usage: serveUsage, run: command('serve', serveUsage) };

/** `downstream worker`: a worker alone, sharing one PostgreSQL with others. */
export const workerCommand: CliCommand = { name: 'worker', summary: 'run a worker alone (several can share one PostgreSQL)', usage: workerUsage, run: command('worker', workerUsage) };
