import { findTickedActions, findTrackingIssueMarker } from '../../core/rollout/index.js';
import type { TrackingAction } from '../../core/rollout/index.js';
import { createComment, readCollaboratorPermission } from '../../adapters/github/index.js';
import type { JobData } from '../../adapters/queue/index.js';
import { findMigration, recordEvent, setTrackingIssueBody } from '../../adapters/store/index.js';
import type { Migration } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';
import { abortCampaign, pauseCampaign, requestPromote, resumeCampaign, retryFailed } from './campaign-actions.js';
import type { CampaignActionResult } from './campaign-actions.js';

const writeRoles = new Set(['write', 'maintain', 'admin']);

function act(deps: WorkflowDeps, migration: Migration, action: TrackingAction, actor: string): Promise<CampaignActionResult> {
  switch (action) {
    case 'promote':
      return requestPromote(deps, migration, actor);
    case 'retry-failed':
      return retryFailed(deps, migration, actor);
    case 'pause':
      return pauseCampaign(deps, migration, actor);
    case 'resume':
      return resumeCampaign(deps, migration, actor);
  }
}

/**
 * A person edited the tracking issue (ticked a box) or closed it (aborting the campaign). Acting
 * needs write access on the upstream repository, like the campaign commands; a refusal is
 * explained in a comment and the boxes are rendered unticked again.
 */
export async function onTrackingIssueEvent(deps: WorkflowDeps, job: JobData<'tracking-issue-event'>): Promise<{ actions: string[] }> {
  if (job.senderIsBot) return { actions: [] };
  const marker = findTrackingIssueMarker(job.bodyAfter);
  if (marker === undefined) return { actions: [] };
  const migration = await findMigration(deps.db, marker.migration);
  if (migration === undefined || migration.trackingIssue !== job.issueNumber) return { actions: [] };
  const actions: TrackingAction[] | ['abort'] = job.action === 'closed' ? ['abort'] : findTickedActions(job.bodyBefore ?? '', job.bodyAfter);
  if (actions.length === 0) return { actions: [] };
  const upstream = await deps.github.forInstallation(job.installationId);
  const ref = { owner: job.repo.owner, repo: job.repo.name };
  // The issue on GitHub now differs from what we last wrote (a box is ticked): forget our copy so it is rewritten unticked.
  await setTrackingIssueBody(deps.db, { id: migration.id, issueNumber: job.issueNumber, body: '', now: deps.now() });
  const role = await readCollaboratorPermission(upstream.octokit, { ...ref, username: job.sender });
  const now = deps.now();
  if (!writeRoles.has(role.roleName) && !writeRoles.has(role.permission)) {
    await recordEvent(deps.db, { migrationId: migration.id, kind: 'campaign.action-refused', actor: job.sender, payload: { actions, role: role.roleName }, now });
    await createComment(upstream.octokit, { ...ref, number: job.issueNumber, body: `@${job.sender}, ${actions.join(', ')} needs write access to ${ref.owner}/${ref.repo}; your role is ${role.roleName}. Nothing was changed.` });
    await deps.queue.send('update-tracking-issue', { migrationId: migration.id });
    return { actions: [] };
  }
  const done: string[] = [];
  for (const action of actions) {
    const result = action === 'abort' ? await abortCampaign(deps, migration, job.sender) : await act(deps, migration, action, job.sender);
    await recordEvent(deps.db, { migrationId: migration.id, kind: `campaign.${action}`, actor: job.sender, payload: { result: result.kind, message: result.message }, now });
    done.push(`${action}: ${result.message}`);
  }
  // The body is rendered again with every box unticked, so the next tick is seen as new.
  await deps.queue.send('update-tracking-issue', { migrationId: migration.id });
  return { actions: done };
}
