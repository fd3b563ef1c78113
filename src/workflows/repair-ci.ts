import { createComment } from '../adapters/github/index.js';
import type { JobData } from '../adapters/queue/index.js';
import { findRun, getMigrationOrThrow, recordEvent, setRunPatch, transitionRun } from '../adapters/store/index.js';
import type { RunPatch } from '../adapters/store/index.js';
import { repairAfterCiFailure } from './llm/index.js';
import type { RepairOutcome } from './llm/index.js';
import { prepareConsumer } from './prepare-consumer.js';
import type { WorkflowDeps } from './workflow-deps.js';

/** What one repair-ci job came to. */
export type RepairCiResult = { kind: 'not-started'; reason: string } | RepairOutcome;

function addRepair(patch: RunPatch | null, outcome: Extract<RepairOutcome, { kind: 'pushed' }>): RunPatch | undefined {
  if (patch === null) return undefined;
  const edits = patch.edits.map((edit) => ({ ...edit, changes: [...edit.changes] }));
  for (const repaired of outcome.edits) {
    const same = edits.find((edit) => edit.path === repaired.path && edit.transform === 'llm');
    if (same === undefined) edits.push({ ...repaired, changes: [...repaired.changes] });
    else same.changes = [...new Set([...same.changes, ...repaired.changes])].sort();
  }
  const spent = patch.llm ?? { attempts: 0, promptTokens: 0, completionTokens: 0 };
  return { ...patch, edits, llm: { attempts: spent.attempts + outcome.attempts, promptTokens: spent.promptTokens + outcome.usage.promptTokens, completionTokens: spent.completionTokens + outcome.usage.completionTokens } };
}

/**
 * The repair-ci job: a bot PR's CI failed on `headSha`. With an LLM configured, one repair round
 * runs through the verify loop; a verified repair is pushed as a new commit (at most two per PR)
 * and the PR says so; otherwise the PR says why a person takes over. Stale jobs (the head moved,
 * the run left ci-failed) do nothing.
 */
export async function repairCi(deps: WorkflowDeps, job: JobData<'repair-ci'>): Promise<RepairCiResult> {
  const run = await findRun(deps.db, job);
  if (run === undefined) return { kind: 'not-started', reason: 'no such run' };
  if (run.state !== 'ci-failed' || run.headSha !== job.headSha || run.prNumber === null) return { kind: 'not-started', reason: `the run is ${run.state} at ${run.headSha ?? 'no head'}` };
  const migration = await getMigrationOrThrow(deps.db, job.migrationId);
  if (migration.status !== 'active') return { kind: 'not-started', reason: `the migration is ${migration.status}` };
  const prepared = await prepareConsumer(deps, migration, run);
  if (!('consumer' in prepared)) return { kind: 'not-started', reason: prepared.kind === 'opted-out' ? `opted out: ${prepared.reason.detail}` : prepared.reason };
  const paths = prepared.config.paths ?? (prepared.consumer.paths.length > 0 ? prepared.consumer.paths : undefined);
  const outcome = await repairAfterCiFailure(deps, { migration, run, access: prepared.access, repo: prepared.repo, verify: prepared.config.verify, consumerPaths: paths, budget: deps.llmBudget });
  const ref = { owner: run.repo.owner, repo: run.repo.name, number: run.prNumber };
  const now = deps.now();
  if (outcome.kind === 'pushed') {
    const patch = addRepair(run.patch, outcome);
    if (patch !== undefined) await setRunPatch(deps.db, { migrationId: run.migrationId, consumer: run.consumer, patch, now });
    await transitionRun(deps.db, { migrationId: run.migrationId, consumer: run.consumer, event: 'pr-updated', actor: deps.bot.login, now, facts: { headSha: outcome.sha }, payload: { repair: outcome.repairs } });
    await deps.queue.send('ci-update', { installationId: prepared.access.installationId, repo: run.repo, sha: outcome.sha });
    await createComment(prepared.access.octokit, {
      ...ref,
      body: `CI failed on ${job.headSha.slice(0, 7)}, so downstream asked the LLM for a repair. It passed the same verification as the codemods and is pushed as ${outcome.sha.slice(0, 7)} (repair ${outcome.repairs} of 2), touching ${outcome.files.map((file) => `\`${file.path}\``).join(', ')}.`,
    });
    return outcome;
  }
  await recordEvent(deps.db, { migrationId: run.migrationId, runId: run.id, kind: outcome.kind === 'handed-off' ? 'run.ci-repair-handed-off' : 'run.ci-repair-not-needed', actor: deps.bot.login, payload: { reason: outcome.reason, headSha: job.headSha }, now });
  // A person who pushed to the branch was already told it is theirs; a repair not needed needs no word.
  if (outcome.kind === 'handed-off' && run.editedBy === null) {
    await createComment(prepared.access.octokit, { ...ref, body: `CI failed on ${job.headSha.slice(0, 7)}, and downstream leaves it to a person: ${outcome.reason}.` });
  }
  return outcome;
}
