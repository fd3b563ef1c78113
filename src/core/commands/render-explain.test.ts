import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../schema/index.js';
import { renderExplain } from './render-explain.js';
import type { ExplainPatch } from './render-explain.js';

const changeSet: ChangeSet = {
  dataset: { name: 'user-profile', physicalName: 'analytics.users_v1' },
  changes: [
    { kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email', severity: 'breaking', evidence: 'declared' },
    { kind: 'field.removed', path: ['legacy_score'], severity: 'breaking' },
    { kind: 'field.added', path: ['nickname'], severity: 'non-breaking' },
  ],
};

function buildPatch(overrides: Partial<ExplainPatch> = {}): ExplainPatch {
  return {
    edits: [
      { path: 'src/users/user-row.ts', transform: 'row-types', author: 'codemod', changes: ['field.renamed user_email'] },
      { path: 'src/users/queries.ts', transform: 'sql-strings', author: 'codemod', changes: ['field.renamed user_email', 'field.removed legacy_score'] },
      { path: 'src/users/more-queries.ts', transform: 'sql-strings', author: 'codemod', changes: ['field.renamed user_email'] },
    ],
    leftovers: [{ path: 'src/report.ts', line: 12, change: { kind: 'field.removed', path: ['legacy_score'], severity: 'breaking' }, reason: 'the value is computed from the removed column' }],
    verification: { typecheck: 'passed', command: { command: 'npm test', status: 'passed', detail: '3 s' } },
    ...overrides,
  };
}

describe('renderExplain', () => {
  it('lists each change with its edits by transform and what is left for a person', () => {
    expect(renderExplain({ changeSet, patch: buildPatch() })).toBe([
      'This PR makes 3 files follow user-profile’s schema change:',
      '',
      '- **`user_email` renamed to `email`** (breaking, declared)',
      '  - `row-types`: `src/users/user-row.ts`',
      '  - `sql-strings`: `src/users/more-queries.ts`, `src/users/queries.ts`',
      '- **`legacy_score` removed** (breaking)',
      '  - `sql-strings`: `src/users/queries.ts`',
      '  - left for a person: `src/report.ts:12` — the value is computed from the removed column',
      '',
      'Verification: type-check passed; `npm test` passed (3 s).',
    ].join('\n'));
  });

  it('says when a breaking change needed nothing here, and shows edits made for no listed change', () => {
    const text = renderExplain({ changeSet, patch: buildPatch({ edits: [{ path: 'src/a.ts', transform: 'llm', author: 'llm', changes: [] }], leftovers: [], verification: { typecheck: 'skipped' } }) });
    expect(text).toContain('- **`legacy_score` removed** (breaking)\n  - nothing in this repository needed a change for it');
    expect(text).toContain('- **other edits**\n  - `llm (LLM, verified)`: `src/a.ts`');
    expect(text).not.toContain('nickname');
    expect(text).toContain('Verification: type-check skipped.');
  });

  it('says there is nothing to explain before the first patch', () => {
    expect(renderExplain({ changeSet, patch: null })).toBe('downstream has not patched this consumer yet, so there is nothing to explain.');
  });
});
