import path from 'node:path';
import { parseArgs } from 'node:util';
import { runDemo } from '../../demo/run-demo.js';
import type { CliCommand, CliIo } from '../cli-io.js';
import { findPackageRoot } from '../package-root.js';
import { exitCodes } from '../cli-io.js';

const usage = `usage: downstream demo [--keep] [--verbose]

Runs the whole flow offline: a local GitHub sandbox seeded with a schema repository and its
consumers (fixtures/demo), downstream on PGlite against it, and a schema change pushed by a person.
  --keep      leave the sandbox and the app running afterwards, until Ctrl-C
  --verbose   print the app's own logs too
`;

async function runDemoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { keep: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help === true) {
    io.stdout.write(usage);
    return exitCodes.ok;
  }
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await runDemo({
      fixtures: { root: path.join(findPackageRoot(), 'fixtures/demo'), upstream: { owner: 'acme', repo: 'user-schemas', schemaPath: 'schemas/users.sql' } },
      keep: values.keep === true,
      logLevel: values.verbose === true ? 'info' : 'warn',
      timeoutMs: 110_000,
      signal: controller.signal,
      write: (...lines) => {
        for (const line of lines) io.stdout.write(`${line}\n`);
      },
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** `downstream demo`: the product end to end, offline, on the embedded defaults. */
export const demoCommand: CliCommand = { name: 'demo', summary: 'run the whole flow offline against a local GitHub sandbox', usage, run: runDemoCommand };
