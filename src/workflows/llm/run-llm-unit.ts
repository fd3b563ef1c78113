import type { Leftover, TextEdit } from '../../core/codemods/index.js';
import { isTypeChange, verifyEdits } from '../../core/codemods/index.js';
import type { AttemptFeedback, LandedEdit, LocatedEdit, PatchResponse, PatchSite, PromptTemplate, Unresolved } from '../../core/llm-patch/index.js';
import {
  applyLocatedEdits,
  changeId,
  checkGuardrails,
  checkScope,
  decideResolved,
  describeExhausted,
  findSqlEditProblems,
  locateEdits,
  mapLineThroughEdits,
  parseJudgeResponse,
  parsePatchResponse,
  planPatchContext,
  planRelatedNames,
  renderFilesDiff,
  renderJudgePrompt,
  renderPatchPrompt,
} from '../../core/llm-patch/index.js';
import type { Change } from '../../core/schema/index.js';
import type { VerifyCommandResult } from '../../adapters/verify/index.js';
import { callWithinBudget } from './call-within-budget.js';
import type { LlmLoopContext } from './llm-loop-context.js';
import { runVerifyInCopy } from './run-verify-in-copy.js';

/** At most three attempts per leftover (issue 8), counting the first. */
export const maxAttempts = 3;

/** One unit of work: the sites of one change (a leftover group), or the sites CI pointed at (a repair). */
export type UnitSpec = {
  purpose: 'patch' | 'repair';
  template: PromptTemplate;
  changes: readonly Change[];
  sites: readonly PatchSite[];
  /** Leftovers whose resolution is checked; a repair has none (its CI run decides). */
  leftovers: readonly Leftover[];
  ciFailures?: readonly { name: string; output: string }[];
};

/** A patched file: its text before this unit, after it, and where the edits landed. */
export type UnitFile = { before: string; after: string; landed: LandedEdit[] };

export type UnitOutcome =
  | { kind: 'accepted'; attempts: number; edits: LocatedEdit[]; files: Map<string, UnitFile>; resolved: Leftover[]; unresolved: Unresolved[]; command: VerifyCommandResult | undefined }
  | { kind: 'handed-off'; attempts: number; unresolved: Unresolved[] }
  | { kind: 'rejected'; attempts: number; diagnosis: string }
  | { kind: 'stopped'; attempts: number; reason: string };

type Candidate = { response: PatchResponse; edits: LocatedEdit[]; files: Map<string, UnitFile> };
type Verdict = { kind: 'pass'; resolved: Leftover[]; unresolved: Unresolved[]; command: VerifyCommandResult | undefined } | { kind: 'reject'; feedback: Omit<AttemptFeedback, 'attempt'> } | { kind: 'stop'; reason: string };

function describeDiagnosis(feedback: AttemptFeedback): string {
  return `${feedback.attempt} LLM attempt(s) rejected, the last at the ${feedback.stage} check: ${feedback.reasons.slice(0, 3).join('; ')}`;
}

function applyCandidate(context: LlmLoopContext, edits: readonly LocatedEdit[]): Map<string, UnitFile> {
  const files = new Map<string, UnitFile>();
  for (const path of new Set(edits.map((edit) => edit.file))) {
    const before = context.checkout.readText(path) ?? '';
    const { text, landed } = applyLocatedEdits(before, edits.filter((edit) => edit.file === path));
    files.set(path, { before, after: text, landed });
  }
  return files;
}

function toTextEdits(edits: readonly LocatedEdit[], change: Change): TextEdit[] {
  return edits.map((edit) => ({ path: edit.file, start: edit.start, end: edit.end, text: edit.replacement, transform: 'llm', change }));
}

async function judgeCandidate(context: LlmLoopContext, spec: UnitSpec, candidate: Candidate): Promise<Verdict | undefined> {
  const diff = renderFilesDiff([...candidate.files].map(([path, file]) => ({ path, before: file.before, after: file.after })));
  const prompt = renderJudgePrompt({ changeSet: context.changeSet, changes: spec.changes, diff });
  const call = await callWithinBudget(context.deps, context.owner, context.budget, context.usage, { purpose: 'judge', messages: prompt.messages, maxTokens: 400, json: true }, context.signal);
  if (call.kind === 'over-budget') return { kind: 'stop', reason: describeExhausted(call.decision) };
  if (call.kind === 'failed') return { kind: 'stop', reason: call.reason };
  const verdict = parseJudgeResponse(call.completion.text);
  // A judge that does not answer with a verdict cannot vouch for the patch: fail closed.
  if (verdict.kind === 'rejected') return { kind: 'reject', feedback: { stage: 'judge', reasons: [`the judge could not assess the patch (${verdict.reason}), so it was not applied`] } };
  if (verdict.value.verdict === 'veto') return { kind: 'reject', feedback: { stage: 'judge', reasons: [`the judge vetoed the patch: ${verdict.value.reason}`] } };
  return undefined;
}

// Every check after the guardrails, cheapest first; the first failure is fed back.
async function verifyCandidate(context: LlmLoopContext, spec: UnitSpec, candidate: Candidate, change: Change): Promise<Verdict> {
  const reparse = [...candidate.files].flatMap(([path, file]) => findSqlEditProblems(path, file.before, file.after, file.landed, context.tables));
  if (reparse.length > 0) return { kind: 'reject', feedback: { stage: 'reparse', reasons: reparse } };
  const typeSites = spec.leftovers.filter((leftover) => isTypeChange(leftover.change));
  const errorsIn = [...new Set(typeSites.map((leftover) => leftover.path))];
  const before = errorsIn.length === 0 ? [] : verifyEdits(context.checkout.texts, [], { errorsIn }).errorsAfter;
  const checked = verifyEdits(context.checkout.texts, toTextEdits(candidate.edits, change), { errorsIn });
  if (checked.newErrors.length > 0) {
    return { kind: 'reject', feedback: { stage: 'typecheck', reasons: checked.newErrors.slice(0, 10).map((error) => `${error.path}:${error.line}: error TS${error.code}: ${error.message}`) } };
  }
  let resolved: Leftover[] = [];
  let unresolved: Unresolved[] = [];
  if (spec.purpose === 'patch') {
    const decided = decideResolved({
      leftovers: spec.leftovers,
      edits: candidate.edits,
      handOff: candidate.response.handOff,
      readBefore: (path) => context.checkout.readText(path),
      readAfter: (path) => candidate.files.get(path)?.after ?? context.checkout.readText(path),
      mapLine: (path, line) => {
        const file = candidate.files.get(path);
        return file === undefined ? line : mapLineThroughEdits(file.before, file.after, file.landed, line);
      },
      errorSitesBefore: new Set(before.map((error) => `${error.path}:${error.line}`)),
      errorsAfter: checked.errorsAfter,
      radius: spec.template.scopeRadius,
    });
    if (decided.resolved.length === 0) {
      return { kind: 'reject', feedback: { stage: 'resolution', reasons: decided.unresolved.slice(0, 5).map((entry) => `${entry.leftover.path}:${entry.leftover.line}: ${entry.diagnosis}`) } };
    }
    ({ resolved, unresolved } = decided);
  }
  if (context.judge) {
    const judged = await judgeCandidate(context, spec, candidate);
    if (judged !== undefined) return judged;
  }
  let command: VerifyCommandResult | undefined;
  if (context.verifyCommand !== undefined) {
    const changed = new Map<string, string>();
    for (const path of context.originals.keys()) changed.set(path, context.checkout.readText(path) ?? '');
    for (const [path, file] of candidate.files) changed.set(path, file.after);
    command = await runVerifyInCopy(context.deps, { checkoutDir: context.checkoutDir, files: [...changed].map(([path, text]) => ({ path, text })), command: context.verifyCommand, ...(context.signal === undefined ? {} : { signal: context.signal }) });
    if (command.status !== 'passed') {
      const what = command.status === 'timed-out' ? 'timed out' : `failed (exit ${command.exitCode ?? '?'})`;
      return { kind: 'reject', feedback: { stage: 'verify-command', reasons: [`the consumer's verify command \`${context.verifyCommand}\` ${what}`], output: command.output.slice(-3_000) } };
    }
  }
  return { kind: 'pass', resolved, unresolved, command };
}

/**
 * The verify loop for one unit (issue 8): prompt → parse → locate → guardrails → scope check →
 * SQL re-parse → differential type check → resolution of each site → optional judge → optional
 * verify command; the first failure is fed back, at most `maxAttempts` times. Nothing is written:
 * an accepted outcome carries the new texts for the caller to keep.
 */
export async function runLlmUnit(context: LlmLoopContext, spec: UnitSpec): Promise<UnitOutcome> {
  const changeIds = spec.changes.map(changeId);
  const [change] = spec.changes;
  if (change === undefined) return { kind: 'rejected', attempts: 0, diagnosis: 'no change to make' };
  const feedback: AttemptFeedback[] = [];
  // Texts change only between units, so the row types are found once per unit.
  const mirroredTypes = context.mirroredTypes();
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const patchContext = planPatchContext({
      readText: (path) => context.checkout.readText(path),
      sites: spec.sites,
      codemodEdits: [...context.originals].map(([path, before]) => ({ path, before, after: context.checkout.readText(path) ?? '' })),
      mirroredTypes,
    });
    const prompt = renderPatchPrompt({
      template: spec.template,
      changeSet: context.changeSet,
      changes: spec.changes,
      context: patchContext,
      ...(context.hint === undefined ? {} : { hint: context.hint }),
      ...(spec.ciFailures === undefined ? {} : { ciFailures: spec.ciFailures }),
      feedback,
    });
    const call = await callWithinBudget(context.deps, context.owner, context.budget, context.usage, { purpose: spec.purpose, messages: prompt.messages, maxTokens: context.maxTokens, json: true }, context.signal);
    if (call.kind === 'over-budget') return { kind: 'stopped', attempts: attempt - 1, reason: describeExhausted(call.decision) };
    if (call.kind === 'failed') return { kind: 'stopped', attempts: attempt - 1, reason: call.reason };
    const reject = (entry: Omit<AttemptFeedback, 'attempt'>): void => {
      feedback.push({ attempt, ...entry });
      context.deps.logger.info({ migration: context.owner.migrationId, run: context.owner.runId, attempt, stage: entry.stage, versions: prompt.versions }, 'LLM attempt rejected');
    };
    const parsed = parsePatchResponse(call.completion.text);
    if (parsed.kind === 'rejected') {
      reject({ stage: 'parse', reasons: [parsed.reason] });
      continue;
    }
    const response = parsed.value;
    if (response.edits.length === 0) {
      const unresolved = spec.leftovers.map((leftover) => {
        const handed = response.handOff.find((entry) => entry.file === leftover.path && Math.abs(entry.line - leftover.line) <= 1);
        return { leftover, diagnosis: handed === undefined ? 'the LLM proposed no edit and gave no diagnosis' : `the LLM handed this site to a person: ${handed.diagnosis}` };
      });
      return { kind: 'handed-off', attempts: attempt, unresolved };
    }
    await context.checkout.ensureLoaded(response.edits.map((edit) => edit.file.replace(/^\.\//, '')));
    const readText = (path: string): string | undefined => context.checkout.readText(path);
    const located = locateEdits(response.edits, readText);
    const refusals = [...located.refusals, ...checkGuardrails({ edits: located.located, readText, touchedFiles: context.touchedFiles, consumerPaths: context.consumerPaths, changeIds })];
    if (refusals.length > 0) {
      reject({ stage: 'guardrails', reasons: refusals.map((refusal) => refusal.reason) });
      continue;
    }
    const scope = checkScope({ edits: located.located, readText, sites: spec.sites, relatedNames: planRelatedNames(spec.changes), radius: spec.template.scopeRadius });
    if (scope.length > 0) {
      reject({ stage: 'scope', reasons: scope.map((refusal) => refusal.reason) });
      continue;
    }
    const candidate: Candidate = { response, edits: located.located, files: applyCandidate(context, located.located) };
    const verdict = await verifyCandidate(context, spec, candidate, change);
    if (verdict.kind === 'stop') return { kind: 'stopped', attempts: attempt, reason: verdict.reason };
    if (verdict.kind === 'reject') {
      reject(verdict.feedback);
      continue;
    }
    return { kind: 'accepted', attempts: attempt, edits: candidate.edits, files: candidate.files, resolved: verdict.resolved, unresolved: verdict.unresolved, command: verdict.command };
  }
  const last = feedback.at(-1);
  return { kind: 'rejected', attempts: maxAttempts, diagnosis: last === undefined ? 'no attempt was made' : describeDiagnosis(last) };
}
