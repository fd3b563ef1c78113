import { LlmError } from '../../adapters/llm/index.js';
import { recordLlmUsage, sumLlmUsage } from '../../adapters/store/index.js';
import type { BudgetDecision, LlmBudget, LlmCompletion, LlmRequest } from '../../core/llm-patch/index.js';
import { decideBudget, estimateCallTokens, totalTokens } from '../../core/llm-patch/index.js';
import type { LlmPatchDeps } from './llm-patch-deps.js';

/** Whose tokens a call spends. */
export type UsageOwner = { migrationId: string; runId: string };

/** Tokens and calls one loop spent, for the PR body and the stored patch. */
export type LoopUsage = { calls: number; promptTokens: number; completionTokens: number };

export type CallOutcome =
  | { kind: 'answered'; completion: LlmCompletion }
  | { kind: 'over-budget'; decision: Extract<BudgetDecision, { kind: 'exhausted' }> }
  | { kind: 'failed'; reason: string };

/**
 * One LLM call under both token budgets, read from the store before the call (so every worker's
 * spending counts) and recorded after it, whatever the reply was. An endpoint failure after the
 * client's retries is an outcome, not an exception: the codemods' PR still opens.
 */
export async function callWithinBudget(deps: LlmPatchDeps, owner: UsageOwner, budget: LlmBudget, usage: LoopUsage, request: LlmRequest, signal?: AbortSignal): Promise<CallOutcome> {
  if (deps.llm === undefined) return { kind: 'failed', reason: 'no LLM is configured' };
  const [consumer, migration] = await Promise.all([sumLlmUsage(deps.db, owner), sumLlmUsage(deps.db, { migrationId: owner.migrationId })]);
  const decision = decideBudget(budget, { consumer: totalTokens(consumer), migration: totalTokens(migration) }, estimateCallTokens(request.messages, request.maxTokens));
  if (decision.kind === 'exhausted') return { kind: 'over-budget', decision };
  let completion: LlmCompletion;
  try {
    completion = await deps.llm.complete(request, signal);
  } catch (error) {
    // An LlmError is the endpoint failing after its retries; anything else is a bug and propagates.
    if (!(error instanceof LlmError)) throw error;
    const code = error.code;
    deps.logger.warn({ migration: owner.migrationId, run: owner.runId, code }, 'LLM call failed');
    return { kind: 'failed', reason: `the LLM call failed (${code}): ${error.message}` };
  }
  usage.calls += 1;
  usage.promptTokens += completion.usage.promptTokens;
  usage.completionTokens += completion.usage.completionTokens;
  await recordLlmUsage(deps.db, { ...owner, purpose: request.purpose, promptTokens: completion.usage.promptTokens, completionTokens: completion.usage.completionTokens, now: deps.now() });
  return { kind: 'answered', completion };
}
