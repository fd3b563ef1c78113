import type { CommandOutcome } from '../../core/commands/index.js';
import { decideOptOut } from '../../core/consumers/index.js';
import { readRepo, readRepoConfig } from '../../adapters/github/index.js';
import type { GitHubClient } from '../../adapters/github/index.js';
import { clearRepoOptOut, findRepoOptOut, setRepoOptOut } from '../../adapters/store/index.js';
import type { RepoRef } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';

/** `/downstream opt-out`: no more PRs in this repository for any dataset, until `opt-in`. */
export async function optOutRepo(deps: WorkflowDeps, input: { repo: RepoRef; actor: string }): Promise<CommandOutcome> {
  const existing = await findRepoOptOut(deps.db, input.repo);
  if (existing !== undefined) return { kind: 'refused', reason: `${input.repo.owner}/${input.repo.name} is already opted out (by @${existing.actor} on ${existing.at.toISOString().slice(0, 10)}).` };
  await setRepoOptOut(deps.db, { repo: input.repo, actor: input.actor, now: deps.now() });
  return {
    kind: 'done',
    text: `Opted out: downstream opens no more PRs in ${input.repo.owner}/${input.repo.name}, for any dataset, until a maintainer comments \`/downstream opt-in\`. PRs already open stay open; \`/downstream skip\` closes one. You still get one notice issue per schema change unless \`.github/downstream.yml\` sets \`notices: false\`.`,
  };
}

/**
 * `/downstream opt-in`: undoes `opt-out`, and says so if the repository still opts out another
 * way (topic, config or catalog), so nobody waits for PRs that cannot come.
 */
export async function optInRepo(deps: WorkflowDeps, input: { repo: RepoRef; octokit: GitHubClient }): Promise<CommandOutcome> {
  const existing = await findRepoOptOut(deps.db, input.repo);
  const ref = { owner: input.repo.owner, repo: input.repo.name };
  const [info, { config }] = await Promise.all([readRepo(input.octokit, ref), readRepoConfig(input.octokit, ref)]);
  const other = decideOptOut({ topics: info.topics, configEnabled: config.enabled });
  const still = other === undefined ? '' : ` It still gets no PRs: ${other.detail}.`;
  if (existing === undefined) return { kind: 'refused', reason: `nobody opted ${input.repo.owner}/${input.repo.name} out with \`/downstream opt-out\`.${still}` };
  await clearRepoOptOut(deps.db, input.repo);
  return { kind: 'done', text: `Opted in: downstream opens PRs in ${input.repo.owner}/${input.repo.name} again from the next schema change on.${still}` };
}
