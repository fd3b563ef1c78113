export type { LlmPatchDeps } from './llm-patch-deps.js';
export type { LoopUsage } from './call-within-budget.js';
export type { LlmLeftover, LlmPatchResult, LlmUnitReport, PatchLeftoversInput } from './patch-leftovers-with-llm.js';
export { patchLeftoversWithLlm } from './patch-leftovers-with-llm.js';
export { applyLlmToResult, mergeLlmPatch } from './merge-llm-patch.js';
export type { RepairDeps, RepairInput, RepairOutcome } from './repair-after-ci-failure.js';
export { maxRepairCommits, repairAfterCiFailure } from './repair-after-ci-failure.js';
export { maxAttempts } from './run-llm-unit.js';
