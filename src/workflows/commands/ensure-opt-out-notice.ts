import type { OptOutReason } from '../../core/consumers/index.js';
import { optOutNoticeMarker, renderOptOutNotice } from '../../core/render/index.js';
import type { RepoConfig } from '../../config/index.js';
import { createIssue, findIssueWithMarker, readRepoConfig } from '../../adapters/github/index.js';
import type { IssueSummary, RepoAccess } from '../../adapters/github/index.js';
import { recordEvent } from '../../adapters/store/index.js';
import type { Migration, Run } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';

/** What became of the notice: opened now, there already, or turned off by the consumer. */
export type OptOutNotice = { kind: 'opened' | 'exists'; issue: IssueSummary } | { kind: 'off' };

/**
 * Opt-out means no PRs, not silence (DESIGN §5): an opted-out consumer gets one issue per
 * migration saying what changed and why no PR came, unless its config sets `notices: false`.
 * Idempotent — the issue is found again by its hidden marker — so call it wherever a consumer is
 * found opted out. Pass `access` and `config` when already read, to save the calls.
 */
export async function ensureOptOutNotice(
  deps: WorkflowDeps,
  input: { migration: Migration; run: Run; reason: OptOutReason; access?: RepoAccess; config?: RepoConfig },
): Promise<OptOutNotice> {
  const { migration, run } = input;
  const ref = { owner: run.repo.owner, repo: run.repo.name };
  const access = input.access ?? (await deps.github.forRepo(run.repo));
  const config = input.config ?? (await readRepoConfig(access.octokit, ref)).config;
  if (!config.notices) return { kind: 'off' };
  const existing = await findIssueWithMarker(access.octokit, { ...ref, creator: deps.bot.login, marker: optOutNoticeMarker(migration.id, run.consumer) });
  if (existing !== undefined) return { kind: 'exists', issue: existing };
  const { title, body } = renderOptOutNotice({
    migrationId: migration.id,
    consumer: { entityRef: run.consumer },
    upstream: { repo: `${migration.upstream.owner}/${migration.upstream.name}`, sha: migration.afterSha, commitUrl: `${deps.githubWebUrl}/${migration.upstream.owner}/${migration.upstream.name}/commit/${migration.afterSha}` },
    changeSet: migration.changeSet,
    reason: input.reason,
  });
  const issue = await createIssue(access.octokit, { ...ref, title, body, labels: ['downstream', ...config.labels] });
  await recordEvent(deps.db, { migrationId: migration.id, runId: run.id, kind: 'run.opt-out-notice', actor: deps.bot.login, payload: { issue: issue.htmlUrl, source: input.reason.source, reason: input.reason.detail }, now: deps.now() });
  return { kind: 'opened', issue };
}
