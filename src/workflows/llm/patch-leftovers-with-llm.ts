import picomatch from 'picomatch';
import type { Leftover, MigrationResult } from '../../core/codemods/index.js';
import { findMirroredTypes } from '../../core/codemods/index.js';
import type { LlmBudget } from '../../core/llm-patch/index.js';
import { defaultLlmBudget, mapLineThroughEdits, planLlmWork } from '../../core/llm-patch/index.js';
import type { ChangeSet } from '../../core/schema/index.js';
import type { VerifyCommandResult } from '../../adapters/verify/index.js';
import type { LoopUsage } from './call-within-budget.js';
import { readCheckoutTexts } from './checkout-texts.js';
import type { LlmLoopContext } from './llm-loop-context.js';
import type { LlmPatchDeps } from './llm-patch-deps.js';
import type { UnitFile } from './run-llm-unit.js';
import { runLlmUnit } from './run-llm-unit.js';

/** A site still left for a person after the LLM loop; `diagnosis` says what the LLM found, when it tried. */
export type LlmLeftover = Leftover & { diagnosis?: string };

/** What one unit of work (one change) came to, for logs and figures. */
export type LlmUnitReport = { change: string; template: string; attempts: number; outcome: 'patched' | 'handed-off' | 'rejected' | 'stopped' | 'not-tried'; fixed: number; left: number };

/** What the LLM loop did for one consumer. */
export type LlmPatchResult = {
  status: 'not-configured' | 'nothing-to-try' | 'ran';
  /** Every file the LLM changed, with its text before any downstream edit and its final text (codemod edits included). */
  files: { path: string; before: string; after: string }[];
  /** The LLM's edits as the stored patch and the PR body list them (author `llm`). */
  edits: { path: string; transform: 'llm'; author: 'llm'; changes: string[] }[];
  /** Leftovers the LLM fixed, verified. */
  fixed: Leftover[];
  /** Every leftover still for a person (the codemods' and the LLM's), at lines of the final texts. */
  leftovers: LlmLeftover[];
  usage: LoopUsage;
  /** LLM patch attempts made (judge calls not counted). */
  attempts: number;
  units: LlmUnitReport[];
  /** The consumer's verify command on the last accepted patch, when it ran. */
  command: { command: string; result: VerifyCommandResult } | undefined;
};

export type PatchLeftoversInput = {
  migrationId: string;
  runId: string;
  /** The consumer's working tree (codemod edits may or may not be written yet; `result` is applied in memory). */
  checkoutDir: string;
  changeSet: ChangeSet;
  /** The dataset's top-level field names before the change (the migration's), for finding mirrored row types. */
  fieldNames?: readonly string[];
  result: MigrationResult;
  /** The consumer's `verify` command, if any. */
  verify: string | undefined;
  /** The consumer's `paths` globs (config, else catalog), if any. */
  consumerPaths: readonly string[] | undefined;
  /** A maintainer's hint from `/downstream fix <hint>`. */
  hint?: string;
  budget?: LlmBudget;
  /** Ask the same model, as a judge, to veto patches that do more than asked. */
  judge?: boolean;
  maxTokens?: number;
  signal?: AbortSignal;
};

// Enough for a dozen edits with their reasons; a reply that needs more is not the long tail.
const defaultMaxTokens = 4_000;

function remap(leftover: LlmLeftover, files: ReadonlyMap<string, UnitFile>): LlmLeftover {
  const file = files.get(leftover.path);
  return file === undefined ? leftover : { ...leftover, line: mapLineThroughEdits(file.before, file.after, file.landed, leftover.line) };
}

function byPlace(left: Leftover, right: Leftover): number {
  return left.path < right.path ? -1 : left.path > right.path ? 1 : left.line - right.line;
}

/**
 * The long tail (issue 8): after `migrate`, asks the LLM to fix each change's leftovers, one change
 * per prompt, and keeps only edits that pass the guardrails, the scope check and the engine's
 * verification (plus the judge and the consumer's verify command when configured), within the token
 * budgets. Writes nothing: the caller writes `files` with the codemods' edits and lists `leftovers`.
 */
export async function patchLeftoversWithLlm(deps: LlmPatchDeps, input: PatchLeftoversInput): Promise<LlmPatchResult> {
  const usage: LoopUsage = { calls: 0, promptTokens: 0, completionTokens: 0 };
  const base: LlmPatchResult = { status: 'not-configured', files: [], edits: [], fixed: [], leftovers: input.result.leftovers.map((leftover) => ({ ...leftover })), usage, attempts: 0, units: [], command: undefined };
  if (deps.llm === undefined) return base;
  const matchers = (input.consumerPaths ?? []).map((glob) => picomatch(glob.replace(/^\.\//, ''), { dot: true }));
  const inScope = (path: string): boolean => matchers.length === 0 || matchers.some((matches) => matches(path));
  const plan = planLlmWork(input.result.leftovers, input.changeSet, inScope);
  if (plan.units.length === 0) return { ...base, status: 'nothing-to-try', leftovers: input.result.leftovers.map((leftover) => ({ ...leftover })) };

  const checkout = await readCheckoutTexts(input.checkoutDir, new Map(input.result.edits.map((edit) => [edit.path, edit.after])));
  const originals = new Map(input.result.edits.map((edit) => [edit.path, edit.before]));
  const physical = input.changeSet.dataset.physicalName;
  const context: LlmLoopContext = {
    deps,
    owner: { migrationId: input.migrationId, runId: input.runId },
    budget: input.budget ?? defaultLlmBudget,
    usage,
    changeSet: input.changeSet,
    checkoutDir: input.checkoutDir,
    checkout,
    originals,
    // A leftover outside the consumer's paths does not open its file to the LLM.
    touchedFiles: new Set([...input.result.edits.map((edit) => edit.path), ...input.result.leftovers.map((leftover) => leftover.path).filter(inScope)]),
    consumerPaths: input.consumerPaths,
    tables: physical === undefined ? [] : [physical],
    mirroredTypes: () => findMirroredTypes(checkout.texts, input.changeSet, input.fieldNames === undefined ? {} : { fieldNames: input.fieldNames }),
    verifyCommand: input.verify,
    judge: input.judge ?? false,
    hint: input.hint,
    maxTokens: input.maxTokens ?? defaultMaxTokens,
    signal: input.signal,
  };

  // Leftovers move with every accepted unit: keep them all at lines of the current texts.
  const waiting = new Map(plan.units.map((unit) => [unit, unit.leftovers.map((leftover): LlmLeftover => ({ ...leftover }))]));
  let kept: LlmLeftover[] = plan.notForLlm.map(({ leftover }) => ({ ...leftover }));
  const fixed: Leftover[] = [];
  const units: LlmUnitReport[] = [];
  const changedBy = new Map<string, Set<string>>();
  let attempts = 0;
  let stopped: string | undefined;
  let command: LlmPatchResult['command'];
  for (const unit of plan.units) {
    const mine = waiting.get(unit) ?? [];
    waiting.delete(unit);
    const report: LlmUnitReport = { change: unit.changeId, template: `${unit.template.id}@${unit.template.version}`, attempts: 0, outcome: 'not-tried', fixed: 0, left: mine.length };
    units.push(report);
    if (stopped !== undefined) {
      kept.push(...mine.map((leftover) => ({ ...leftover, diagnosis: `not tried: ${stopped}` })));
      continue;
    }
    const outcome = await runLlmUnit(context, { purpose: 'patch', template: unit.template, changes: [unit.change], sites: mine.map(({ path, line, reason }) => ({ path, line, reason })), leftovers: mine });
    report.attempts = outcome.attempts;
    attempts += outcome.attempts;
    if (outcome.kind === 'stopped') {
      report.outcome = 'stopped';
      stopped = outcome.reason;
      kept.push(...mine.map((leftover) => ({ ...leftover, diagnosis: `not fixed: ${outcome.reason}` })));
      continue;
    }
    if (outcome.kind === 'rejected') {
      report.outcome = 'rejected';
      kept.push(...mine.map((leftover) => ({ ...leftover, diagnosis: outcome.diagnosis })));
      continue;
    }
    if (outcome.kind === 'handed-off') {
      report.outcome = 'handed-off';
      kept.push(...outcome.unresolved.map((entry) => ({ ...entry.leftover, diagnosis: entry.diagnosis })));
      continue;
    }
    report.outcome = 'patched';
    report.fixed = outcome.resolved.length;
    report.left = outcome.unresolved.length;
    for (const [path, file] of outcome.files) {
      if (!originals.has(path)) originals.set(path, file.before);
      checkout.texts.set(path, file.after);
      changedBy.set(path, (changedBy.get(path) ?? new Set()).add(unit.changeId));
    }
    fixed.push(...outcome.resolved);
    kept = [...kept, ...outcome.unresolved.map((entry) => ({ ...entry.leftover, diagnosis: entry.diagnosis }))].map((leftover) => remap(leftover, outcome.files));
    for (const [other, leftovers] of waiting) waiting.set(other, leftovers.map((leftover) => remap(leftover, outcome.files)));
    if (outcome.command !== undefined && input.verify !== undefined) command = { command: input.verify, result: outcome.command };
  }

  const files = [...changedBy.keys()].sort().map((path) => ({ path, before: originals.get(path) ?? '', after: checkout.readText(path) ?? '' }));
  const edits = files.map((file) => ({ path: file.path, transform: 'llm' as const, author: 'llm' as const, changes: [...(changedBy.get(file.path) ?? [])].sort() }));
  return { status: 'ran', files, edits, fixed, leftovers: kept.sort(byPlace), usage, attempts, units, command };
}
