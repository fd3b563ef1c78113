import { describe, expect, it } from 'vitest';
import type { Change, ChangeSet } from '../schema/index.js';
import { planLlmWork } from './plan-llm-work.js';
import { buildLeftover, removedScore, renamedEmail } from './testing/build-edits.js';

const suspected: Change = { kind: 'field.suspected-rename', path: ['name'], from: 'name', to: 'full_name', severity: 'review', evidence: 'heuristic' };
const added: Change = { kind: 'field.added', path: ['age'], severity: 'non-breaking' };
const changeSet: ChangeSet = { dataset: { name: 'users', physicalName: 'analytics.users_v1' }, changes: [renamedEmail, removedScore, suspected, added] };

describe('planLlmWork', () => {
  it('groups leftovers by change in the change set order, each with its template', () => {
    const leftovers = [buildLeftover('src/b.ts', 3), buildLeftover('src/a.ts', 9, renamedEmail), buildLeftover('src/a.ts', 1)];
    const { units, notForLlm } = planLlmWork(leftovers, changeSet, () => true);
    expect(units.map((unit) => [unit.changeId, `${unit.template.id}@${unit.template.version}`, unit.leftovers.map((leftover) => `${leftover.path}:${leftover.line}`)])).toEqual([
      ['field.renamed user_email', 'field.renamed@1', ['src/a.ts:9']],
      ['field.removed legacy_score', 'field.removed@1', ['src/b.ts:3', 'src/a.ts:1']],
    ]);
    expect(notForLlm).toEqual([]);
  });

  it.each([
    ['an unconfirmed rename', buildLeftover('src/a.ts', 1, suspected), () => true, 'an unconfirmed rename is never patched; the producer confirms it with `/downstream confirm-rename`'],
    ['a kind without a template', buildLeftover('src/a.ts', 1, added), () => true, 'the LLM is not asked about field.added changes'],
    ['a site outside the consumer paths', buildLeftover('scripts/a.ts', 1), (path: string) => path.startsWith('src/'), 'outside the paths where this consumer keeps its data-access code'],
  ])('leaves %s to a person', (_what, leftover, inScope, reason) => {
    expect(planLlmWork([leftover], changeSet, inScope)).toEqual({ units: [], notForLlm: [{ leftover, reason }] });
  });
});
