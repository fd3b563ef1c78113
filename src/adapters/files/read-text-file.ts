import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Why a file could not be read, in words a person acts on. */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';
  readonly code: 'not-found' | 'not-a-file' | 'unreadable';
  readonly file: string;

  constructor(code: FileReadError['code'], file: string, message: string) {
    super(`${file}: ${message}`);
    this.code = code;
    this.file = file;
  }
}

/** Reads a UTF-8 text file given relative to `cwd`; errors name the file as the user gave it. */
export async function readTextFile(cwd: string, file: string): Promise<string> {
  try {
    return await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') throw new FileReadError('not-found', file, 'no such file');
    if (code === 'EISDIR') throw new FileReadError('not-a-file', file, 'is a directory, not a file');
    throw new FileReadError('unreadable', file, `cannot be read (${code || 'unknown error'})`);
  }
}
