import type { Leftover } from '../codemods/index.js';
import { changeKey } from '../codemods/index.js';
import type { Change, ChangeSet } from '../schema/index.js';
import type { PromptTemplate } from './templates/prompt-template.js';
import { findPatchTemplate } from './templates/patch-templates.js';
import { changeId } from './change-id.js';

/** The leftovers of one change: one prompt ("one change only"), up to three attempts. */
export type LlmWorkUnit = { change: Change; changeId: string; template: PromptTemplate; leftovers: Leftover[] };

/** Leftovers the LLM is not asked about, and why. */
export type NotForLlm = { leftover: Leftover; reason: string };

/**
 * Groups leftovers by change, in the change set's order, each with its template. A suspected
 * rename is never patched until confirmed (DESIGN §3), a kind without a template is not tried, and
 * a site outside the consumer's paths stays where the codemods left it.
 */
export function planLlmWork(leftovers: readonly Leftover[], changeSet: ChangeSet, inScope: (path: string) => boolean): { units: LlmWorkUnit[]; notForLlm: NotForLlm[] } {
  const units = new Map<string, LlmWorkUnit>();
  const notForLlm: NotForLlm[] = [];
  for (const leftover of leftovers) {
    if (!inScope(leftover.path)) {
      notForLlm.push({ leftover, reason: 'outside the paths where this consumer keeps its data-access code' });
      continue;
    }
    if (leftover.change.kind === 'field.suspected-rename') {
      notForLlm.push({ leftover, reason: 'an unconfirmed rename is never patched; the producer confirms it with `/downstream confirm-rename`' });
      continue;
    }
    const template = findPatchTemplate(leftover.change.kind);
    if (template === undefined) {
      notForLlm.push({ leftover, reason: `the LLM is not asked about ${leftover.change.kind} changes` });
      continue;
    }
    const key = changeKey(leftover.change);
    const unit = units.get(key) ?? { change: leftover.change, changeId: changeId(leftover.change), template, leftovers: [] };
    unit.leftovers.push(leftover);
    units.set(key, unit);
  }
  const order = (unit: LlmWorkUnit): number => {
    const index = changeSet.changes.findIndex((change) => changeKey(change) === changeKey(unit.change));
    return index === -1 ? changeSet.changes.length : index;
  };
  return { units: [...units.values()].sort((left, right) => order(left) - order(right)), notForLlm };
}
