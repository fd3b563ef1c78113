import type { LlmClient } from '../../core/llm-patch/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';

/**
 * What the LLM loop needs: the store (budgets and usage), the LLM port (undefined: codemods only),
 * and the consumer verify runner. `WorkflowDeps` plus its `llm` satisfies it.
 */
export type LlmPatchDeps = Pick<WorkflowDeps, 'db' | 'logger' | 'now' | 'runVerifyCommand' | 'verifyTimeoutMs'> & { llm: LlmClient | undefined };
