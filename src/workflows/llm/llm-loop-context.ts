import type { MirroredType } from '../../core/codemods/index.js';
import type { LlmBudget } from '../../core/llm-patch/index.js';
import type { ChangeSet } from '../../core/schema/index.js';
import type { LoopUsage, UsageOwner } from './call-within-budget.js';
import type { CheckoutTexts } from './checkout-texts.js';
import type { LlmPatchDeps } from './llm-patch-deps.js';

/** Everything one consumer's LLM loop shares across its units of work. */
export type LlmLoopContext = {
  deps: LlmPatchDeps;
  owner: UsageOwner;
  budget: LlmBudget;
  usage: LoopUsage;
  changeSet: ChangeSet;
  checkoutDir: string;
  checkout: CheckoutTexts;
  /** Each changed file's text before downstream touched it, for "the edits so far". */
  originals: Map<string, string>;
  /** Files the change set touches (codemod edits, leftovers, the bot's patch for a repair). */
  touchedFiles: ReadonlySet<string>;
  consumerPaths: readonly string[] | undefined;
  /** The dataset's table names, for SQL dialect detection. */
  tables: readonly string[];
  mirroredTypes: () => MirroredType[];
  verifyCommand: string | undefined;
  judge: boolean;
  hint: string | undefined;
  /** Completion allowance per call. */
  maxTokens: number;
  signal: AbortSignal | undefined;
};
