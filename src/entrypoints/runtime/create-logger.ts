import { pino } from 'pino';
import type { Logger } from 'pino';

// Anything that could hold a credential is censored wherever it appears in a log object.
const redactPaths = [
  'token', '*.token', 'privateKey', '*.privateKey', 'webhookSecret', '*.webhookSecret', 'apiKey', '*.apiKey',
  'authorization', '*.authorization', 'req.headers.authorization', 'headers.authorization', 'databaseUrl', '*.databaseUrl',
];

/** The process logger: JSON lines with secrets redacted (STYLE: "Secrets never reach logs"). */
export function createLogger(options: { level: string; destination?: NodeJS.WritableStream }): Logger {
  return pino({ level: options.level, redact: { paths: redactPaths, censor: '[redacted]' } }, options.destination ?? process.stderr);
}
