import type { IncomingMessage } from 'node:http';
import { GitHubError } from './github-error.js';

// Contents uploads are base64 in JSON; GitHub caps files at 100 MB.
const maxBodyBytes = 128 * 1024 * 1024;

/** Reads a request body whole. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes) throw new GitHubError(413, 'Payload too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body; GitHub answers unparsable JSON with 400 "Problems parsing JSON". */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new GitHubError(400, 'Problems parsing JSON');
  }
}
