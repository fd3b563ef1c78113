/** Where a CLI command writes and what it resolves relative paths against; injected so tests run commands in-process. */
export type CliIo = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
};

/** A subcommand: parses its own arguments, returns the process exit code. */
export type CliCommand = {
  name: string;
  /** One line for `downstream help`. */
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
};

/** Exit codes shared by every command. */
export const exitCodes = { ok: 0, findings: 1, badInput: 2 } as const;
