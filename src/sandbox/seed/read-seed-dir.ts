import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SeedRepo } from './seed-config.js';
import { SandboxSeedError, seedConfigSchema } from './seed-config.js';

async function listDirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
}

async function readConfig(file: string) {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new SandboxSeedError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = seedConfigSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SandboxSeedError(`${file}: ${issue === undefined ? 'invalid' : `${issue.path.join('.') || '(root)'}: ${issue.message}`}`);
  }
  return result.data;
}

/**
 * Reads a seed folder: `<dir>/<owner>/<repo>/…files…` is a repository, and an optional
 * `<dir>/<owner>/<repo>.sandbox.json` beside it holds its settings (see `seedConfigSchema`).
 */
export async function readSeedDir(dir: string): Promise<SeedRepo[]> {
  if (!existsSync(dir)) throw new SandboxSeedError(`${dir}: no such seed folder`);
  const repos: SeedRepo[] = [];
  for (const owner of await listDirs(dir)) {
    for (const name of await listDirs(path.join(dir, owner))) {
      const config = await readConfig(path.join(dir, owner, `${name}.sandbox.json`));
      repos.push({ ...config, owner, name, dir: path.join(dir, owner, name) });
    }
  }
  if (repos.length === 0) throw new SandboxSeedError(`${dir}: no repositories (expected <owner>/<repo>/ folders)`);
  return repos;
}
