import type { FileEdit, MigrationResult } from '../../core/codemods/index.js';
import type { RunPatch } from '../../adapters/store/index.js';
import type { LlmPatchResult } from './patch-leftovers-with-llm.js';

/**
 * The stored patch (and so the PR body) with the LLM's work added: its edits marked `author: 'llm'`,
 * the leftovers that remain with the LLM's diagnosis, and the tokens it spent. Unchanged when no
 * LLM is configured or it had nothing to try.
 */
export function mergeLlmPatch(patch: RunPatch, llm: LlmPatchResult): RunPatch {
  if (llm.status !== 'ran') return patch;
  return {
    ...patch,
    edits: [...patch.edits, ...llm.edits],
    leftovers: llm.leftovers.map((leftover) => ({ path: leftover.path, line: leftover.line, change: leftover.change, reason: leftover.reason, ...(leftover.diagnosis === undefined ? {} : { diagnosis: leftover.diagnosis }) })),
    llm: { attempts: llm.attempts, promptTokens: llm.usage.promptTokens, completionTokens: llm.usage.completionTokens },
  };
}

/**
 * The migration result as the rest of patch-consumer should see it once the LLM ran: files it
 * changed carry its final text (a file only it changed is a new entry, transform `llm`), and the
 * leftovers are the ones that remain. Counts and decisions (PR or needs-a-person) then include its work.
 */
export function applyLlmToResult(result: MigrationResult, llm: LlmPatchResult): MigrationResult {
  if (llm.status !== 'ran') return result;
  const byPath = new Map<string, FileEdit>(result.edits.map((edit) => [edit.path, edit]));
  for (const file of llm.files) {
    const existing = byPath.get(file.path);
    byPath.set(file.path, existing === undefined ? { path: file.path, before: file.before, after: file.after, transform: 'llm', edits: [] } : { ...existing, after: file.after, transform: `${existing.transform}, llm` });
  }
  const edits = [...byPath.values()].sort((left, right) => (left.path < right.path ? -1 : 1));
  const leftovers = llm.leftovers.map(({ path, line, change, reason }) => ({ path, line, change, reason }));
  return { ...result, edits, leftovers };
}
