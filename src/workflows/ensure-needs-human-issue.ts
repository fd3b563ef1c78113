import type { PrBodyInput } from '../core/render/index.js';
import { needsHumanMarker, renderNeedsHumanIssue } from '../core/render/index.js';
import type { GitHubClient, IssueSummary } from '../adapters/github/index.js';
import { createIssue, findIssueWithMarker, updateIssueBody } from '../adapters/github/index.js';
import type { WorkflowDeps } from './workflow-deps.js';

/** Opens (or refreshes) the one needs-a-person issue of a migration in a consumer repository. */
export async function ensureNeedsHumanIssue(
  deps: Pick<WorkflowDeps, 'bot'>,
  octokit: GitHubClient,
  input: { owner: string; repo: string; labels: string[] } & Pick<PrBodyInput, 'migrationId' | 'consumer' | 'upstream' | 'changeSet' | 'leftovers'>,
): Promise<IssueSummary> {
  const { title, body } = renderNeedsHumanIssue(input);
  const marker = needsHumanMarker(input.migrationId, input.consumer.entityRef);
  const existing = await findIssueWithMarker(octokit, { owner: input.owner, repo: input.repo, creator: deps.bot.login, marker });
  if (existing !== undefined) {
    if (existing.body !== body && existing.state === 'open') await updateIssueBody(octokit, { owner: input.owner, repo: input.repo, number: existing.number, body });
    return existing;
  }
  return createIssue(octokit, { owner: input.owner, repo: input.repo, title, body, labels: ['downstream', ...input.labels] });
}
