import { decidePacing } from '../core/rollout/index.js';
import { decideReviewers, planBranchName } from '../core/consumers/index.js';
import type { MigrationResult } from '../core/codemods/index.js';
import type { PrBodyInput } from '../core/render/index.js';
import { renderPrBody, renderPrTitle } from '../core/render/index.js';
import { writeTextFiles } from '../adapters/files/index.js';
import { commitAndPush, inspectRemoteBranch } from '../adapters/git/index.js';
import type { Workspace } from '../adapters/git/index.js';
import { findFileText } from '../adapters/github/index.js';
import { reserveContentCalls } from '../adapters/store/index.js';
import type { Migration, Run, RunPatch } from '../adapters/store/index.js';
import { ensurePullRequest } from './ensure-pull-request.js';
import type { EnsuredPull } from './ensure-pull-request.js';
import type { PreparedConsumer } from './prepare-consumer.js';
import type { WorkflowDeps } from './workflow-deps.js';

/** How a patch is published: a first PR, an update onto the current base, or a reset that drops people's edits. */
export type PublishMode = 'initial' | 'rebase' | 'recreate';

/** What publishing did. */
export type Published =
  | { kind: 'pull'; ensured: EnsuredPull; branch: string; headSha: string | undefined; editedBy: string | undefined }
  | { kind: 'deferred'; retryAt: Date; reason: string }
  | { kind: 'refused'; reason: string };

// A new PR costs three content-creating calls (create, labels, reviewers); updating one costs one.
const callsForNewPull = 3;

/** The PR body for this patch, shared by every path that writes one. */
export function buildPrBody(deps: WorkflowDeps, input: { migration: Migration; run: Run; prepared: PreparedConsumer; branch: string; result: MigrationResult; patch: RunPatch; notice?: string }): string {
  const { migration, run, prepared } = input;
  const body: PrBodyInput = {
    migrationId: migration.id,
    consumer: { entityRef: run.consumer, repoUrl: prepared.repo.htmlUrl, branch: input.branch },
    upstream: { repo: `${migration.upstream.owner}/${migration.upstream.name}`, sha: migration.afterSha, commitUrl: `${deps.githubWebUrl}/${migration.upstream.owner}/${migration.upstream.name}/commit/${migration.afterSha}` },
    changeSet: migration.changeSet,
    edits: input.patch.edits.map((edit) => ({ path: edit.path, transform: edit.transform, author: edit.author })),
    leftovers: input.patch.leftovers,
    verification: {
      typecheck: { status: input.patch.verification.typecheck, newErrors: 0, ...(input.result.verified.withheld.length > 0 ? { detail: `${input.result.verified.withheld.length} change(s) left to a person because their edits did not type-check` } : {}) },
      ...(input.patch.verification.command === undefined ? {} : { command: input.patch.verification.command }),
    },
    llm: { configured: deps.llm !== undefined, ...(input.patch.llm === undefined ? {} : { usage: input.patch.llm }) },
    commands: deps.prCommands,
    ...(input.notice === undefined ? {} : { notice: input.notice }),
  };
  return renderPrBody(body);
}

/**
 * Writes the patch into the workspace, pushes the deterministic branch (never over a person's
 * commits unless recreating), and ensures one PR — within the installation's pacing budget.
 */
export async function publishPatch(
  deps: WorkflowDeps,
  input: { migration: Migration; run: Run; prepared: PreparedConsumer; workspace: Workspace; result: MigrationResult; patch: RunPatch; mode: PublishMode; force: boolean },
): Promise<Published> {
  const { migration, run, prepared, workspace, result } = input;
  const { owner, name } = run.repo;
  await writeTextFiles(workspace.dir, result.edits.map((edit) => ({ path: edit.path, text: edit.after })));
  const branch = planBranchName(migration.changeSet, migration.afterSha);
  const remote = await inspectRemoteBranch({ dir: workspace.dir, branch, baseBranch: prepared.repo.defaultBranch, botEmail: deps.bot.git.email });
  const editedBy = remote.exists ? remote.editedBy[0] ?? run.editedBy ?? undefined : undefined;
  if (editedBy !== undefined && input.mode === 'rebase' && !input.force) {
    return { kind: 'refused', reason: `${editedBy} pushed to ${branch}; downstream does not rewrite a branch a person edited (use --force, or recreate to drop their edits)` };
  }
  let headSha = remote.exists ? remote.sha : undefined;
  const rewrite = editedBy === undefined || input.mode === 'recreate' || input.force;
  if (rewrite) {
    const pushed = await commitAndPush({
      dir: workspace.dir,
      remoteUrl: prepared.repo.cloneUrl,
      token: await prepared.access.token(),
      branch,
      message: `${renderPrTitle(migration.changeSet)}\n\nUpstream: ${migration.upstream.owner}/${migration.upstream.name}@${migration.afterSha}`,
      identity: deps.bot.git,
      expectedRemoteSha: remote.exists ? remote.sha : null,
    });
    if (pushed.kind === 'rejected') throw new Error(`push to ${owner}/${name} ${branch} was rejected: ${pushed.reason}`);
    if (pushed.kind === 'pushed' || pushed.kind === 'unchanged') headSha = pushed.sha;
  }
  const stillEdited = rewrite ? undefined : editedBy;
  const notice = stillEdited === undefined ? undefined : `${stillEdited} pushed to this branch, so downstream no longer updates it. \`/downstream recreate\` resets it to downstream's patch, dropping those commits.`;

  const now = deps.now();
  const installationId = prepared.access.installationId;
  const budget = await reserveContentCalls(deps.db, {
    installationId,
    count: run.prNumber === null ? callsForNewPull : 1,
    kind: 'pull-request',
    now,
    decide: (recent) => decidePacing(recent, deps.pacing, now, run.prNumber === null ? callsForNewPull : 1),
  });
  if (!budget.reserved) {
    return { kind: 'deferred', retryAt: budget.retryAt ?? new Date(now.getTime() + 60_000), reason: 'the installation’s content-creation budget is spent for now' };
  }
  const codeowners = await findFileText(prepared.access.octokit, { owner, repo: name, path: '.github/CODEOWNERS', ref: prepared.repo.defaultBranch });
  const reviewers = decideReviewers({ configured: prepared.config.reviewers, catalogOwner: prepared.consumer.owner, ...(codeowners === undefined ? {} : { codeowners }), editedFiles: result.edits.map((edit) => edit.path) });
  const body = buildPrBody(deps, { migration, run, prepared, branch, result, patch: input.patch, ...(notice === undefined ? {} : { notice }) });
  const ensured = await ensurePullRequest(prepared.access.octokit, {
    owner,
    repo: name,
    branch,
    base: prepared.repo.defaultBranch,
    title: renderPrTitle(migration.changeSet),
    body,
    // A PR with sites still for a person is not ready to merge: a draft until they are fixed.
    draft: result.leftovers.length > 0,
    labels: ['downstream', ...prepared.config.labels],
    reviewers,
  });
  return { kind: 'pull', ensured, branch, headSha: headSha ?? ensured.pull.headSha, editedBy: stillEdited };
}
