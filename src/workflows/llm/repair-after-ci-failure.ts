import { writeTextFiles } from '../../adapters/files/index.js';
import { commitAndPush } from '../../adapters/git/index.js';
import { readCiFailures } from '../../adapters/github/index.js';
import type { RepoAccess, RepoInfo } from '../../adapters/github/index.js';
import { countRunRepair } from '../../adapters/store/index.js';
import type { Migration, Run } from '../../adapters/store/index.js';
import type { LlmBudget } from '../../core/llm-patch/index.js';
import { ciRepairTemplate, defaultLlmBudget, findCiFailureSites, renderCiFailureOutput } from '../../core/llm-patch/index.js';
import { findMirroredTypes } from '../../core/codemods/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';
import type { LoopUsage } from './call-within-budget.js';
import { readCheckoutTexts } from './checkout-texts.js';
import type { LlmLoopContext } from './llm-loop-context.js';
import type { LlmPatchDeps } from './llm-patch-deps.js';
import { runLlmUnit } from './run-llm-unit.js';

/** Stripe's rule: at most two CI rounds on a PR, then a person takes over. */
export const maxRepairCommits = 2;

export type RepairDeps = LlmPatchDeps & Pick<WorkflowDeps, 'clones' | 'bot'>;

export type RepairInput = {
  migration: Pick<Migration, 'id' | 'changeSet' | 'fieldNames'>;
  /** The run as stored: its branch, head, repairs so far, who else edited it, and its patch. */
  run: Pick<Run, 'id' | 'repo' | 'branch' | 'headSha' | 'repairs' | 'editedBy' | 'patch' | 'consumer' | 'migrationId'>;
  access: RepoAccess;
  repo: Pick<RepoInfo, 'cloneUrl'>;
  verify: string | undefined;
  consumerPaths: readonly string[] | undefined;
  hint?: string;
  budget?: LlmBudget;
  judge?: boolean;
  maxTokens?: number;
  signal?: AbortSignal;
};

/** What the repair round did. `handed-off`: a person must look; the reason says why, for the PR. */
export type RepairOutcome =
  | { kind: 'pushed'; sha: string; repairs: number; files: { path: string; before: string; after: string }[]; edits: { path: string; transform: 'llm'; author: 'llm'; changes: string[] }[]; usage: LoopUsage; attempts: number }
  | { kind: 'handed-off'; reason: string; usage: LoopUsage; attempts: number }
  | { kind: 'not-needed'; reason: string };

/**
 * One repair round after a bot PR's CI failed (issue 8): reads the failing checks' output and
 * annotations, runs them through the same verify loop as leftovers (sites where CI points, the set's
 * changes, the same guardrails and checks), and pushes one commit when a patch passes — at most
 * `maxRepairCommits` per run, never onto a branch a person pushed to, never over a newer head.
 */
export async function repairAfterCiFailure(deps: RepairDeps, input: RepairInput): Promise<RepairOutcome> {
  const usage: LoopUsage = { calls: 0, promptTokens: 0, completionTokens: 0 };
  const { run } = input;
  const handOff = (reason: string, attempts = 0): RepairOutcome => ({ kind: 'handed-off', reason, usage, attempts });
  if (run.branch === null || run.headSha === null) return { kind: 'not-needed', reason: 'the run has no pull request branch' };
  if (run.editedBy !== null) return handOff(`${run.editedBy} pushed to the branch; downstream does not repair a branch a person edited`);
  if (run.repairs >= maxRepairCommits) return handOff(`downstream already pushed ${run.repairs} repair commits; a person takes it from here`);
  if (deps.llm === undefined) return handOff('no LLM is configured, so CI failures are left to a person');
  const owner = { owner: run.repo.owner, repo: run.repo.name };
  const failures = await readCiFailures(input.access.octokit, { ...owner, sha: run.headSha, ignoreApp: deps.bot.appSlug });
  if (failures.length === 0) return { kind: 'not-needed', reason: 'no failing check or status on the head commit' };

  const workspace = await deps.clones.openWorkspace({ remoteUrl: input.repo.cloneUrl, owner: run.repo.owner, repo: run.repo.name, branch: run.branch, token: await input.access.token() });
  try {
    if (workspace.baseSha !== run.headSha) return { kind: 'not-needed', reason: 'the branch moved since CI ran; its new head gets its own CI run' };
    const checkout = await readCheckoutTexts(workspace.dir, new Map());
    const sites = findCiFailureSites(failures, checkout.listed);
    if (sites.length === 0) return handOff('CI failed without pointing at a file of the repository (no annotation, no file:line in its output)');
    await checkout.ensureLoaded(sites.map((site) => site.path));
    const changes = input.migration.changeSet.changes.filter((change) => change.severity !== 'non-breaking' && change.kind !== 'field.suspected-rename');
    const physical = input.migration.changeSet.dataset.physicalName;
    const patched = run.patch?.edits.map((edit) => edit.path) ?? [];
    const context: LlmLoopContext = {
      deps,
      owner: { migrationId: run.migrationId, runId: run.id },
      budget: input.budget ?? defaultLlmBudget,
      usage,
      changeSet: input.migration.changeSet,
      checkoutDir: workspace.dir,
      checkout,
      // The bot's commits are already on the branch; the prompt shows CI's view, not a diff to base.
      originals: new Map(),
      touchedFiles: new Set([...patched, ...(run.patch?.leftovers.map((leftover) => leftover.path) ?? [])]),
      consumerPaths: input.consumerPaths,
      tables: physical === undefined ? [] : [physical],
      mirroredTypes: () => findMirroredTypes(checkout.texts, input.migration.changeSet, { fieldNames: input.migration.fieldNames }),
      verifyCommand: input.verify,
      judge: input.judge ?? false,
      hint: input.hint,
      maxTokens: input.maxTokens ?? 4_000,
      signal: input.signal,
    };
    const outcome = await runLlmUnit(context, {
      purpose: 'repair',
      template: ciRepairTemplate,
      changes,
      sites,
      leftovers: [],
      ciFailures: failures.map((failure) => ({ name: failure.name, output: renderCiFailureOutput(failure) })),
    });
    if (outcome.kind === 'stopped') return handOff(`CI repair stopped: ${outcome.reason}`, outcome.attempts);
    if (outcome.kind === 'rejected') return handOff(`CI repair failed: ${outcome.diagnosis}`, outcome.attempts);
    if (outcome.kind === 'handed-off') return handOff(`the LLM handed the CI failure to a person: ${outcome.unresolved.map((entry) => entry.diagnosis).join('; ') || 'no diagnosis'}`, outcome.attempts);

    const files = [...outcome.files].map(([path, file]) => ({ path, before: file.before, after: file.after })).sort((left, right) => (left.path < right.path ? -1 : 1));
    await writeTextFiles(workspace.dir, files.map((file) => ({ path: file.path, text: file.after })));
    const number = run.repairs + 1;
    const pushed = await commitAndPush({
      dir: workspace.dir,
      remoteUrl: input.repo.cloneUrl,
      token: await input.access.token(),
      branch: run.branch,
      message: `Repair CI after the ${input.migration.changeSet.dataset.name} schema change (${number} of ${maxRepairCommits})\n\nWritten by the LLM and verified by downstream before pushing.`,
      identity: deps.bot.git,
      expectedRemoteSha: run.headSha,
    });
    if (pushed.kind === 'rejected') return { kind: 'not-needed', reason: `the branch moved while repairing: ${pushed.reason}` };
    if (pushed.kind === 'nothing-to-commit' || pushed.kind === 'unchanged') return handOff('the repair changed nothing on the branch', outcome.attempts);
    const repairs = await countRunRepair(deps.db, { migrationId: run.migrationId, consumer: run.consumer, now: deps.now() });
    const changesOf = (path: string): string[] => [...new Set(outcome.edits.filter((edit) => edit.file === path).map((edit) => edit.change))].sort();
    return { kind: 'pushed', sha: pushed.sha, repairs, files, edits: files.map((file) => ({ path: file.path, transform: 'llm', author: 'llm', changes: changesOf(file.path) })), usage, attempts: outcome.attempts };
  } finally {
    await workspace.dispose();
  }
}
