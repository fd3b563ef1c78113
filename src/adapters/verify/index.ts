export type { VerifyCommandResult } from './run-verify-command.js';
export { runVerifyCommand } from './run-verify-command.js';
