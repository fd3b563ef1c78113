import type { CliIo } from './cli-io.js';
import { exitCodes } from './cli-io.js';
import { cliCommands } from './commands/index.js';

function renderHelp(): string {
  const width = Math.max(...cliCommands.map((command) => command.name.length), 4);
  const lines = cliCommands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return ['usage: downstream <command> [options]', '', 'commands:', ...lines, '', 'Run `downstream <command> --help` for its options.', ''].join('\n');
}

/** The CLI's single error boundary: a command's unexpected error becomes one line and exit 2, never a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(renderHelp());
    return name === undefined ? exitCodes.badInput : exitCodes.ok;
  }
  const command = cliCommands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr.write(`downstream: unknown command "${name}"\n${renderHelp()}`);
    return exitCodes.badInput;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`downstream ${name}: ${message.split('\n')[0]}\n`);
    return exitCodes.badInput;
  }
}
