import type { CliCommand } from '../cli-io.js';
import { demoCommand } from './demo.js';
import { diffCommand } from './diff.js';
import { migrateCommand } from './migrate.js';
import { sandboxCommand } from './sandbox.js';
import { serveCommand, workerCommand } from './serve.js';

/** Every `downstream <command>`; each command module adds itself here. */
export const cliCommands: readonly CliCommand[] = [
  diffCommand,
  demoCommand,
  migrateCommand,
  sandboxCommand,
  serveCommand,
  workerCommand,
];
