import { decideNextWave, renderTrackingIssue, renderTrackingIssueTitle } from '../../core/rollout/index.js';
import { createIssue, updateIssueBody } from '../../adapters/github/index.js';
import type { JobData } from '../../adapters/queue/index.js';
import { getMigrationOrThrow, listEvents, listRuns, setTrackingIssueBody, sumLlmUsage } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';

/** The label every tracking issue carries, so people (and we) can find them. */
export const trackingLabel = 'downstream:campaign';

/**
 * Keeps a migration's tracking issue current (DESIGN §5): opened once on the upstream repository,
 * rewritten only when its body changed. Queued per migration with a short delay, so a burst of
 * run changes becomes one write.
 */
export async function updateTrackingIssue(deps: WorkflowDeps, job: JobData<'update-tracking-issue'>): Promise<{ issue: number | null; written: boolean }> {
  const migration = await getMigrationOrThrow(deps.db, job.migrationId);
  if (migration.plan === null || migration.installationId === null) return { issue: migration.trackingIssue, written: false };
  const runs = await listRuns(deps.db, { migrationId: migration.id });
  const unresolvable = (await listEvents(deps.db, { migrationId: migration.id })).flatMap((event) =>
    event.kind === 'catalog.unresolvable' && typeof event.payload.consumer === 'string' && typeof event.payload.reason === 'string' ? [{ entityRef: event.payload.consumer, reason: event.payload.reason }] : [],
  );
  const control = { status: migration.status, startedWaves: migration.startedWaves, promoteRequested: migration.promoteRequested };
  const body = renderTrackingIssue({
    migrationId: migration.id,
    serverUrl: deps.githubWebUrl,
    upstream: { repo: `${migration.upstream.owner}/${migration.upstream.name}`, sha: migration.afterSha, commitUrl: `${deps.githubWebUrl}/${migration.upstream.owner}/${migration.upstream.name}/commit/${migration.afterSha}` },
    changeSet: migration.changeSet,
    plan: migration.plan,
    runs,
    control,
    decision: decideNextWave(migration.plan, runs, deps.now(), control),
    unresolvable,
    llmUsage: deps.llm === undefined ? undefined : await sumLlmUsage(deps.db, { migrationId: migration.id }),
  });
  if (migration.trackingIssue !== null && migration.trackingBody === body) return { issue: migration.trackingIssue, written: false };
  const upstream = await deps.github.forInstallation(migration.installationId);
  const repo = { owner: migration.upstream.owner, repo: migration.upstream.name };
  let issue = migration.trackingIssue;
  if (issue === null) {
    issue = (await createIssue(upstream.octokit, { ...repo, title: renderTrackingIssueTitle(migration.changeSet), body, labels: [trackingLabel] })).number;
  } else {
    await updateIssueBody(upstream.octokit, { ...repo, number: issue, body });
  }
  await setTrackingIssueBody(deps.db, { id: migration.id, issueNumber: issue, body, now: deps.now() });
  return { issue, written: true };
}
