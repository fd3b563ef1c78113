import type { LlmMessage, LlmUsage } from './llm-port.js';

/** Token budgets (prompt + completion), per consumer (run) and per migration. */
export type LlmBudget = { perConsumer: number; perMigration: number };

/** A few full attempts for a consumer's long tail; a fleet of a thousand such consumers per migration. */
export const defaultLlmBudget: LlmBudget = { perConsumer: 80_000, perMigration: 2_000_000 };

/** Tokens spent so far, as the store sums them. */
export type TokensSpent = { consumer: number; migration: number };

export type BudgetDecision = { kind: 'within'; remaining: number } | { kind: 'exhausted'; scope: 'consumer' | 'migration'; spent: number; limit: number; needed: number };

/** Total tokens of a usage record. */
export function totalTokens(usage: Pick<LlmUsage, 'promptTokens' | 'completionTokens'>): number {
  return usage.promptTokens + usage.completionTokens;
}

/**
 * An upper bound on what a call costs before it is made: the prompt at ~4 characters a token
 * (rounded up, plus a little per message for the chat framing) and the whole completion allowance.
 */
export function estimateCallTokens(messages: readonly LlmMessage[], maxTokens: number): number {
  const characters = messages.reduce((sum, message) => sum + message.content.length, 0);
  return Math.ceil(characters / 4) + 8 * messages.length + maxTokens;
}

/** Counts tokens from text when an endpoint reports no usage, so budgets still bind. */
export function estimateUsage(messages: readonly LlmMessage[], completion: string): LlmUsage {
  return { promptTokens: estimateCallTokens(messages, 0), completionTokens: Math.ceil(completion.length / 4), estimated: true };
}

/** Whether a call of `needed` tokens fits both budgets; the tighter one is named when it does not. */
export function decideBudget(budget: LlmBudget, spent: TokensSpent, needed: number): BudgetDecision {
  const consumerLeft = budget.perConsumer - spent.consumer;
  const migrationLeft = budget.perMigration - spent.migration;
  if (needed > migrationLeft) return { kind: 'exhausted', scope: 'migration', spent: spent.migration, limit: budget.perMigration, needed };
  if (needed > consumerLeft) return { kind: 'exhausted', scope: 'consumer', spent: spent.consumer, limit: budget.perConsumer, needed };
  return { kind: 'within', remaining: Math.min(consumerLeft, migrationLeft) - needed };
}

/** The reason a leftover keeps when the budget stopped the loop before or during its attempts. */
export function describeExhausted(decision: Extract<BudgetDecision, { kind: 'exhausted' }>): string {
  const owner = decision.scope === 'consumer' ? 'this consumer' : 'this migration';
  return `the LLM token budget for ${owner} is spent (${decision.spent} of ${decision.limit} tokens used; the next call could need ${decision.needed})`;
}
