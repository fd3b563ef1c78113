import { migrate } from '../core/codemods/index.js';
import type { MigrationResult } from '../core/codemods/index.js';
import type { RunEvent, RunState } from '../core/runs/index.js';
import { createDiskCheckout } from '../adapters/checkout/index.js';
import { writeTextFiles } from '../adapters/files/index.js';
import type { Workspace } from '../adapters/git/index.js';
import type { JobData } from '../adapters/queue/index.js';
import { findRun, getMigrationOrThrow, setRunEditedBy, setRunPatch, transitionRun } from '../adapters/store/index.js';
import type { Migration, Run, RunFacts } from '../adapters/store/index.js';
import { ensureNeedsHumanIssue } from './ensure-needs-human-issue.js';
import { applyLlmToResult, mergeLlmPatch, patchLeftoversWithLlm } from './llm/index.js';
import type { LlmPatchResult } from './llm/index.js';
import { prepareConsumer } from './prepare-consumer.js';
import type { PreparedConsumer } from './prepare-consumer.js';
import { publishPatch } from './publish-patch.js';
import type { PublishMode } from './publish-patch.js';
import { describeCommandResult, summarisePatch } from './summarise-patch.js';
import type { WorkflowDeps } from './workflow-deps.js';

/** How one patch-consumer job ended. */
export type PatchOutcome =
  | { kind: 'not-started'; reason: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'not-affected' }
  | { kind: 'failed'; reason: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'deferred'; retryAt: Date; reason: string }
  | { kind: 'needs-human'; issueUrl: string; leftovers: number }
  | { kind: 'pr-open'; prUrl: string; created: boolean; edits: number; leftovers: number }
  | { kind: 'declined' | 'merged'; prUrl: string };

/** What a patch job asks for (DESIGN §5 commands map onto these). */
export type PatchMode = 'initial' | 'retry' | PublishMode;

type Context = { deps: WorkflowDeps; migration: Migration; run: Run };

const openStates = new Set<RunState>(['pr-open', 'ci-passed', 'ci-failed']);

async function record(context: Context, event: RunEvent, options: { reason?: string; facts?: RunFacts; payload?: Record<string, unknown> } = {}): Promise<void> {
  const result = await transitionRun(context.deps.db, { migrationId: context.migration.id, consumer: context.run.consumer, event, actor: context.deps.bot.login, now: context.deps.now(), ...options });
  if (result.kind === 'refused') context.deps.logger.warn({ migration: context.migration.id, consumer: context.run.consumer, event, reason: result.reason }, 'run transition refused');
}

/** Which runs a mode applies to; anything else means the job is stale or the request does not fit. */
function checkMode(run: Run, mode: PatchMode): string | undefined {
  if (mode === 'initial') return run.state === 'pending' || run.state === 'patching' ? undefined : `run is ${run.state}`;
  if (mode === 'retry') return run.state === 'failed' || run.state === 'needs-human' ? undefined : `only a failed run or one that needs a person is retried; this one is ${run.state}`;
  return openStates.has(run.state) && run.prNumber !== null ? undefined : `${mode} applies to an open PR; this run is ${run.state}`;
}

/** The long tail: what the codemods left, offered to the LLM (when configured) under verification. */
async function patchLeftovers(context: Context, prepared: PreparedConsumer, workspace: Workspace, codemods: MigrationResult, paths: readonly string[] | undefined, hint: string | undefined): Promise<LlmPatchResult | undefined> {
  const { deps, migration, run } = context;
  if (deps.llm === undefined || codemods.leftovers.length === 0) return undefined;
  const llm = await patchLeftoversWithLlm(deps, {
    migrationId: migration.id,
    runId: run.id,
    checkoutDir: workspace.dir,
    changeSet: migration.changeSet,
    fieldNames: migration.fieldNames,
    result: codemods,
    verify: prepared.config.verify,
    consumerPaths: paths,
    budget: deps.llmBudget,
    ...(hint === undefined ? {} : { hint }),
  });
  deps.logger.info({ migration: migration.id, consumer: run.consumer, status: llm.status, fixed: llm.fixed.length, left: llm.leftovers.length, attempts: llm.attempts, usage: llm.usage, units: llm.units }, 'LLM pass over the leftovers');
  return llm;
}

async function patchInWorkspace(context: Context, prepared: PreparedConsumer, workspace: Workspace, mode: PatchMode, force: boolean, hint: string | undefined): Promise<PatchOutcome> {
  const { deps, migration, run } = context;
  const paths = prepared.config.paths ?? (prepared.consumer.paths.length > 0 ? prepared.consumer.paths : undefined);
  const codemods = await migrate(createDiskCheckout(workspace.dir), migration.changeSet, { transforms: deps.transforms, fieldNames: migration.fieldNames, ...(paths === undefined ? {} : { paths }), clock: deps.monotonicMs });
  deps.logger.info({ migration: migration.id, consumer: run.consumer, edits: codemods.edits.length, leftovers: codemods.leftovers.length, byTransform: codemods.stats.editsByTransform }, 'consumer patched');
  const llm = await patchLeftovers(context, prepared, workspace, codemods, paths, hint);
  const result = llm === undefined ? codemods : applyLlmToResult(codemods, llm);
  const summarise = (command: Parameters<typeof summarisePatch>[1]) => (llm === undefined ? summarisePatch(result, command) : mergeLlmPatch(summarisePatch(result, command), llm));
  const reopened = mode === 'rebase' || mode === 'recreate';
  if (result.edits.length === 0 && result.leftovers.length === 0) {
    if (reopened) return { kind: 'refused', reason: 'the patch is empty now: nothing in the default branch needs this migration any more' };
    await record(context, 'not-affected');
    return { kind: 'not-affected' };
  }
  if (result.edits.length === 0 && !reopened) {
    const patch = summarise(undefined);
    await setRunPatch(deps.db, { migrationId: migration.id, consumer: run.consumer, patch, now: deps.now() });
    const issue = await ensureNeedsHumanIssue(deps, prepared.access.octokit, {
      owner: run.repo.owner,
      repo: run.repo.name,
      migrationId: migration.id,
      consumer: { entityRef: run.consumer, repoUrl: prepared.repo.htmlUrl, branch: prepared.repo.defaultBranch },
      upstream: { repo: `${migration.upstream.owner}/${migration.upstream.name}`, sha: migration.afterSha, commitUrl: `${deps.githubWebUrl}/${migration.upstream.owner}/${migration.upstream.name}/commit/${migration.afterSha}` },
      changeSet: migration.changeSet,
      leftovers: patch.leftovers,
      labels: prepared.config.labels,
    });
    await record(context, 'needs-human', { reason: `${result.leftovers.length} site(s) need a person; nothing could be fixed with certainty`, facts: { leftovers: result.leftovers.length }, payload: { issue: issue.htmlUrl } });
    return { kind: 'needs-human', issueUrl: issue.htmlUrl, leftovers: result.leftovers.length };
  }

  // The consumer's own verification runs on the patched tree before anything is pushed.
  let command: ReturnType<typeof describeCommandResult> | undefined;
  if (prepared.config.verify !== undefined) {
    await writeTextFiles(workspace.dir, result.edits.map((edit) => ({ path: edit.path, text: edit.after })));
    command = describeCommandResult(prepared.config.verify, await deps.runVerifyCommand({ command: prepared.config.verify, cwd: workspace.dir, timeoutMs: deps.verifyTimeoutMs }));
  }
  if (command !== undefined && 'failed' in command) {
    if (!reopened) await record(context, 'patch-failed', { reason: command.failed });
    return { kind: 'failed', reason: command.failed };
  }
  const patch = summarise(command);
  await setRunPatch(deps.db, { migrationId: migration.id, consumer: run.consumer, patch, now: deps.now() });
  const published = await publishPatch(deps, { migration, run, prepared, workspace, result, patch, mode: reopened ? mode : 'initial', force });
  if (published.kind !== 'pull') return published;
  const { ensured } = published;
  if (published.editedBy !== undefined) await setRunEditedBy(deps.db, { migrationId: migration.id, consumer: run.consumer, editedBy: published.editedBy, now: deps.now() });
  if (mode === 'recreate') await setRunEditedBy(deps.db, { migrationId: migration.id, consumer: run.consumer, editedBy: null, now: deps.now() });
  for (const warning of ensured.warnings) deps.logger.warn({ migration: migration.id, consumer: run.consumer, warning }, 'pull request opened with a warning');
  const facts: RunFacts = { branch: published.branch, prNumber: ensured.pull.number, prUrl: ensured.pull.htmlUrl, leftovers: result.leftovers.length, ...(published.headSha === undefined ? {} : { headSha: published.headSha }) };
  if (ensured.kind === 'closed') {
    if (!reopened) await record(context, 'pr-opened', { facts });
    await record(context, ensured.pull.merged ? 'merged' : 'closed-by-person', { reason: 'the PR was already closed when downstream looked again' });
    return { kind: ensured.pull.merged ? 'merged' : 'declined', prUrl: ensured.pull.htmlUrl };
  }
  await record(context, reopened ? 'pr-updated' : 'pr-opened', { facts, payload: { created: ensured.kind === 'created', edits: result.edits.length, mode } });
  // CI may have reported on this head before the run knew it was its head; read the verdict now.
  if (facts.headSha !== undefined) await deps.queue.send('ci-update', { installationId: prepared.access.installationId, repo: run.repo, sha: facts.headSha });
  return { kind: 'pr-open', prUrl: ensured.pull.htmlUrl, created: ensured.kind === 'created', edits: result.edits.length, leftovers: result.leftovers.length };
}

async function skip(context: Context, reason: string): Promise<PatchOutcome> {
  await record(context, 'skipped', { reason });
  return { kind: 'skipped', reason };
}

/**
 * The patch-consumer job (DESIGN §1): re-check opt-outs, clone, migrate, verify, push the
 * deterministic branch and ensure one PR. `initial` runs only for a pending run (or one whose last
 * attempt died mid-patch), so a redelivered or retried job changes nothing already done; `retry`,
 * `rebase` and `recreate` are what people ask for with slash commands.
 */
export async function patchConsumer(deps: WorkflowDeps, job: JobData<'patch-consumer'> & { lastAttempt?: boolean }): Promise<PatchOutcome> {
  const mode: PatchMode = job.mode ?? 'initial';
  const found = await findRun(deps.db, job);
  if (found === undefined) return { kind: 'not-started', reason: 'no such run' };
  const stale = checkMode(found, mode);
  if (stale !== undefined) return { kind: 'not-started', reason: stale };
  const migration = await getMigrationOrThrow(deps.db, job.migrationId);
  if (migration.status !== 'active') return { kind: 'not-started', reason: `the migration is ${migration.status}` };
  const context: Context = { deps, migration, run: found };
  try {
    return await patchWithContext(context, mode, job);
  } finally {
    // Whatever happened to this consumer may open (or halt) the next wave.
    await deps.queue.send('evaluate-gate', { migrationId: migration.id });
  }
}

async function patchWithContext(context: Context, mode: PatchMode, job: JobData<'patch-consumer'> & { lastAttempt?: boolean }): Promise<PatchOutcome> {
  const { deps, migration, run: found } = context;
  if (mode === 'retry') await record(context, 'retry', { reason: 'asked to retry' });
  const initial = mode === 'initial' || mode === 'retry';
  if (initial) await record(context, 'patch-started');
  try {
    const prepared = await prepareConsumer(deps, migration, found);
    if (!('consumer' in prepared)) {
      if (prepared.kind === 'opted-out') return skip(context, `opted out: ${prepared.reason.detail}`);
      return skip(context, prepared.reason);
    }
    const workspace = await deps.clones.openWorkspace({ remoteUrl: prepared.repo.cloneUrl, owner: found.repo.owner, repo: found.repo.name, branch: prepared.repo.defaultBranch, token: await prepared.access.token() });
    try {
      return await patchInWorkspace(context, prepared, workspace, mode === 'retry' ? 'initial' : mode, job.force === true, job.hint);
    } finally {
      await workspace.dispose();
    }
  } catch (error) {
    // Retries are the queue's business; only the last attempt of a first patch leaves the run failed, with the reason a person reads.
    if (job.lastAttempt !== true) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    if (initial) await record(context, 'patch-failed', { reason });
    return { kind: 'failed', reason };
  }
}
