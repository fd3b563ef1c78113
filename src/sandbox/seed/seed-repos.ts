import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SandboxContext } from '../context.js';
import { initBareRepo, writeCommit, writeRef, writeTreeFromDirectory, writeTreeWithChanges } from '../git/index.js';
import { GitHubError } from '../http/github-error.js';
import { ensureLabel } from '../ops/issues.js';
import { setRole, setTopics } from '../ops/repos.js';
import { ensureAccount, findRepo, repoKey } from '../state/store.js';
import type { Account, Installation, Repo } from '../state/types.js';
import type { SeedRepo } from './seed-config.js';
import { SandboxSeedError } from './seed-config.js';

/** GitHub's default labels for a new repository. */
const defaultLabels: readonly [string, string, string][] = [
  ['bug', 'd73a4a', "Something isn't working"],
  ['documentation', '0075ca', 'Improvements or additions to documentation'],
  ['duplicate', 'cfd3d7', 'This issue or pull request already exists'],
  ['enhancement', 'a2eeef', 'New feature or request'],
  ['good first issue', '7057ff', 'Good for newcomers'],
  ['help wanted', '008672', 'Extra attention is needed'],
  ['invalid', 'e4e669', "This doesn't seem right"],
  ['question', 'd876e3', 'Further information is requested'],
  ['wontfix', 'ffffff', 'This will not be worked on'],
];

/** The fixed author of seed commits; with `reproducible` the date is fixed too, so SHAs repeat. */
const seedPerson = { name: 'Sandbox Seed', email: 'seed@sandbox.invalid' };
const reproducibleDate = '2024-01-01T00:00:00Z';

/** The organization (created on first use) and our app's installation on it (all repositories by default). */
export function ensureOrgInstallation(context: SandboxContext, login: string): { owner: Account; installation: Installation } {
  const now = context.clock.iso();
  const owner = ensureAccount(context.store, login, 'Organization', now);
  for (const installation of context.store.installations.values()) {
    if (installation.app.id === context.app.id && installation.account.id === owner.id) return { owner, installation };
  }
  const installation: Installation = { id: context.store.nextId(), app: context.app, account: owner, selection: 'all', repoIds: new Set(), createdAt: now };
  context.store.installations.set(installation.id, installation);
  return { owner, installation };
}

async function writeInitialTree(gitDir: string, seed: SeedRepo): Promise<string> {
  if (seed.dir !== undefined && !existsSync(seed.dir)) throw new SandboxSeedError(`${seed.owner}/${seed.name}: folder ${seed.dir} does not exist`);
  const base = seed.dir === undefined ? undefined : await writeTreeFromDirectory(gitDir, seed.dir);
  if (seed.files === undefined || Object.keys(seed.files).length === 0) {
    return base ?? (await writeTreeWithChanges(gitDir, undefined, {}));
  }
  return writeTreeWithChanges(gitDir, base, seed.files);
}

/** Creates one repository: a bare repo with one commit on its default branch, and its GitHub settings. */
export async function seedRepo(context: SandboxContext, seed: SeedRepo, options: { reproducible: boolean }): Promise<Repo> {
  if (!/^[A-Za-z0-9_.-]+$/.test(seed.owner) || !/^[A-Za-z0-9_.-]+$/.test(seed.name)) throw new SandboxSeedError(`${seed.owner}/${seed.name}: not a valid GitHub owner/repository name`);
  if (findRepo(context.store, seed.owner, seed.name) !== undefined) throw new SandboxSeedError(`${seed.owner}/${seed.name}: already exists in the sandbox`);
  const { owner, installation } = ensureOrgInstallation(context, seed.owner);
  const defaultBranch = seed.defaultBranch ?? 'main';
  const gitDir = path.join(context.reposRoot, owner.login, `${seed.name}.git`);
  await initBareRepo(gitDir, defaultBranch);
  const tree = await writeInitialTree(gitDir, seed);
  const date = options.reproducible ? reproducibleDate : context.clock.iso();
  const person = { ...seedPerson, date };
  const sha = await writeCommit(gitDir, { tree, parents: [], message: 'Initial commit', author: person, committer: person });
  await writeRef(gitDir, `refs/heads/${defaultBranch}`, sha);
  const now = context.clock.iso();
  const repo: Repo = {
    id: context.store.nextId(),
    owner,
    name: seed.name,
    description: seed.description ?? null,
    defaultBranch,
    topics: [],
    private: seed.private ?? true,
    collaborators: new Map(),
    gitDir,
    createdAt: now,
    updatedAt: now,
    pushedAt: now,
    labels: new Map(),
    nextNumber: 1,
    issues: new Map(),
    ci: { enabled: seed.ci ?? true, forced: undefined },
  };
  context.store.repos.set(repoKey(owner.login, repo.name), repo);
  for (const [name, color, description] of defaultLabels) ensureLabel(context, repo, name, color, description).isDefault = true;
  for (const label of seed.labels ?? []) ensureLabel(context, repo, label.name, (label.color ?? 'ededed').replace(/^#/, ''), label.description ?? null);
  for (const [login, role] of Object.entries(seed.collaborators ?? {})) setRole(context, repo, login, role);
  try {
    setTopics(context, repo, seed.topics ?? []);
  } catch (error) {
    if (error instanceof GitHubError) throw new SandboxSeedError(`${seed.owner}/${seed.name}: ${error.message}`);
    throw error;
  }
  if (seed.installed === false) {
    // Leaving one repository out turns the installation into a selection of the others.
    if (installation.selection === 'all') {
      installation.selection = 'selected';
      installation.repoIds = new Set([...context.store.repos.values()].filter((other) => other.owner.id === owner.id && other.id !== repo.id).map((other) => other.id));
    }
  } else if (installation.selection === 'selected') {
    installation.repoIds.add(repo.id);
  }
  return repo;
}
