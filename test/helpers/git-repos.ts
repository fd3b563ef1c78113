import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const identity = { GIT_AUTHOR_NAME: 'Test Person', GIT_AUTHOR_EMAIL: 'person@example.com', GIT_COMMITTER_NAME: 'Test Person', GIT_COMMITTER_EMAIL: 'person@example.com' };

/** Runs git synchronously in `cwd` as a test person. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...identity }, encoding: 'utf8' }).trim();
}

/** A temporary directory for one test. */
export function makeTempDir(prefix = 'downstream-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A bare repository whose `main` holds `files`, and a person's clone of it to push from. */
export function createBareRepo(files: Record<string, string>): { bare: string; clone: string } {
  const root = makeTempDir();
  const bare = path.join(root, 'origin.git');
  const clone = path.join(root, 'person');
  git(root, 'init', '--bare', '--quiet', '--initial-branch=main', bare);
  git(root, 'clone', '--quiet', bare, clone);
  git(clone, 'checkout', '--quiet', '-B', 'main');
  writeFiles(clone, files);
  git(clone, 'add', '--all');
  git(clone, 'commit', '--quiet', '-m', 'initial');
  git(clone, 'push', '--quiet', 'origin', 'main');
  return { bare, clone };
}

/** Writes files (creating folders) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}
