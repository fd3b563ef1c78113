import type { Consumer } from '../core/catalog/index.js';
import { decideOptOut } from '../core/consumers/index.js';
import type { OptOutReason } from '../core/consumers/index.js';
import type { RepoConfig } from '../config/index.js';
import { readRepo, readRepoConfig } from '../adapters/github/index.js';
import type { RepoAccess, RepoInfo } from '../adapters/github/index.js';
import { findRepoOptOut } from '../adapters/store/index.js';
import type { Migration, Run } from '../adapters/store/index.js';
import { findConsumer } from './find-consumer.js';
import type { WorkflowDeps } from './workflow-deps.js';

/** A consumer ready to patch: its catalog entry, repository, config and GitHub access. */
export type PreparedConsumer = { consumer: Consumer; access: RepoAccess; repo: RepoInfo; config: RepoConfig };

/** Why a consumer gets no PR right now, when it does not. */
export type NotPrepared = { kind: 'gone'; reason: string } | { kind: 'opted-out'; reason: OptOutReason; config: RepoConfig; access: RepoAccess } | { kind: 'archived'; reason: string };

/**
 * Reads what patching a consumer needs and re-checks every opt-out source just before anything is
 * opened (DESIGN §5): the catalog annotation, the topic, `enabled: false`, and `/downstream opt-out`.
 */
export async function prepareConsumer(deps: WorkflowDeps, migration: Migration, run: Run): Promise<PreparedConsumer | NotPrepared> {
  const consumer = await findConsumer(deps, migration, run.consumer);
  if (consumer === undefined) return { kind: 'gone', reason: 'no longer a consumer of the dataset in the catalog' };
  const access = await deps.github.forRepo(run.repo);
  const repo = await readRepo(access.octokit, { owner: run.repo.owner, repo: run.repo.name });
  const { config } = await readRepoConfig(access.octokit, { owner: run.repo.owner, repo: run.repo.name });
  const byCommand = await findRepoOptOut(deps.db, run.repo);
  const optOut = decideOptOut({
    topics: repo.topics,
    configEnabled: config.enabled,
    catalogOptOut: consumer.optedOut ? (consumer.optOutReason ?? true) : false,
    ...(byCommand === undefined ? {} : { optedOutByCommand: { by: byCommand.actor } }),
  });
  if (optOut !== undefined) return { kind: 'opted-out', reason: optOut, config, access };
  if (repo.archived) return { kind: 'archived', reason: 'the repository is archived' };
  return { consumer, access, repo, config };
}
