import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SandboxSeedError, defaultPerson, readSeedDir, startSandbox } from '../../../sandbox/index.js';
import type { CliCommand, CliIo } from '../cli-io.js';
import { exitCodes } from '../cli-io.js';

const usage = `usage: downstream sandbox --seed DIR [--port N] [--host H] [--webhook-url URL] [--key-file FILE] [--reproducible]

Serves a local GitHub stand-in (git over HTTP, REST, signed webhooks, consumer CI) until interrupted.
  --seed DIR          repositories to create: DIR/<owner>/<repo>/… plus optional DIR/<owner>/<repo>.sandbox.json
  --port N            port to listen on (default 3000; 0 picks a free one)
  --host H            address to bind (default 127.0.0.1)
  --webhook-url URL   where to deliver the app's webhooks (default: logged, not sent)
  --key-file FILE     where to write the app's private key (default: a temporary file)
  --reproducible      fixed seed commit dates, so SHAs repeat across runs
`;

type Parsed = { seed: string; port: number; host: string; webhookUrl?: string; keyFile?: string; reproducible: boolean };

function parseSandboxArgs(argv: string[]): Parsed | 'help' | { error: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'webhook-url': { type: 'string' },
      'key-file': { type: 'string' },
      reproducible: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return 'help';
  if (positionals.length > 0) return { error: `unexpected argument "${positionals[0] ?? ''}"` };
  if (values.seed === undefined) return { error: '--seed DIR is required' };
  const port = Number(values.port ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { error: `--port must be a port number, got "${values.port ?? ''}"` };
  if (values['webhook-url'] !== undefined && !URL.canParse(values['webhook-url'])) return { error: `--webhook-url is not a URL: "${values['webhook-url']}"` };
  return {
    seed: values.seed,
    port,
    host: values.host ?? '127.0.0.1',
    reproducible: values.reproducible === true,
    ...(values['webhook-url'] === undefined ? {} : { webhookUrl: values['webhook-url'] }),
    ...(values['key-file'] === undefined ? {} : { keyFile: values['key-file'] }),
  };
}

/** Runs the sandbox until `stop` aborts; separate from signal handling so tests can stop it. */
export async function serveSandboxUntil(argv: string[], io: CliIo, stop: AbortSignal): Promise<number> {
  let parsed: ReturnType<typeof parseSandboxArgs>;
  try {
    parsed = parseSandboxArgs(argv);
  } catch (error) {
    io.stderr.write(`downstream sandbox: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return exitCodes.badInput;
  }
  if (parsed === 'help') {
    io.stdout.write(usage);
    return exitCodes.ok;
  }
  if ('error' in parsed) {
    io.stderr.write(`downstream sandbox: ${parsed.error}\n${usage}`);
    return exitCodes.badInput;
  }
  const seedDir = path.resolve(io.cwd, parsed.seed);
  let repos;
  try {
    repos = await readSeedDir(seedDir);
  } catch (error) {
    if (!(error instanceof SandboxSeedError)) throw error;
    io.stderr.write(`downstream sandbox: ${error.message}\n`);
    return exitCodes.badInput;
  }
  const sandbox = await startSandbox({
    host: parsed.host,
    port: parsed.port,
    seed: { repos, reproducible: parsed.reproducible },
    ...(parsed.webhookUrl === undefined ? {} : { webhookUrl: parsed.webhookUrl }),
    ...(repos[0] === undefined ? {} : { org: repos[0].owner }),
  });
  try {
    const keyFile = path.resolve(io.cwd, parsed.keyFile ?? path.join(tmpdir(), `downstream-sandbox-${sandbox.appId}-${process.pid}.pem`));
    await writeFile(keyFile, sandbox.privateKey, { mode: 0o600 });
    // A person to act as by hand: admin everywhere, with a token for REST and git.
    for (const repo of repos) await sandbox.setRole({ owner: repo.owner, repo: repo.name, login: defaultPerson, role: 'admin' });
    const personToken = sandbox.userToken(defaultPerson);
    io.stdout.write(
      [
        `downstream sandbox: listening on ${sandbox.url} (REST also under /api/v3)`,
        `  repositories: ${repos.map((repo) => `${repo.owner}/${repo.name}`).join(', ')}`,
        `  git: ${sandbox.url}/<owner>/<repo>.git (user x-access-token, password: a token)`,
        `  webhooks: ${parsed.webhookUrl ?? 'logged, not sent (pass --webhook-url)'}`,
        '  environment for the app:',
        `    APP_ID=${sandbox.appId} PRIVATE_KEY_PATH=${keyFile} WEBHOOK_SECRET=${sandbox.webhookSecret} GHE_HOST=${sandbox.host} GHE_PROTOCOL=http`,
        `  installation: ${sandbox.installationId}`,
        `  token for ${defaultPerson} (admin on every repository): ${personToken}`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      if (stop.aborted) resolve();
      else stop.addEventListener('abort', () => resolve(), { once: true });
    });
    return exitCodes.ok;
  } finally {
    await sandbox.close();
  }
}

async function runSandbox(argv: string[], io: CliIo): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await serveSandboxUntil(argv, io, controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** `downstream sandbox`: a local GitHub to try downstream against, without a GitHub organization. */
export const sandboxCommand: CliCommand = {
  name: 'sandbox',
  summary: 'serve a local GitHub stand-in (git, REST, webhooks, CI) seeded from a folder',
  usage,
  run: runSandbox,
};
