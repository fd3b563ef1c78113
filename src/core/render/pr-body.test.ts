import { describe, expect, it } from 'vitest';
import type { Change } from '../schema/index.js';
import type { PrBodyInput } from './pr-body.js';
import { findPrMarker, renderPrBody, renderPrTitle } from './pr-body.js';

const renamed: Change = { kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email', severity: 'breaking', evidence: 'declared' };
const removed: Change = { kind: 'field.removed', path: ['legacy_id'], severity: 'breaking' };

function buildInput(overrides: Partial<PrBodyInput> = {}): PrBodyInput {
  return {
    migrationId: 'mig-7',
    consumer: { entityRef: 'component:default/growth-signups', repoUrl: 'https://github.com/acme/growth-signups', branch: 'downstream/user-profile/2' },
    upstream: { repo: 'acme/user-schemas', sha: '0123456789abcdef', commitUrl: 'https://github.com/acme/user-schemas/commit/0123456789abcdef', reason: 'Rename for the GDPR review.' },
    changeSet: {
      dataset: { name: 'user-profile', physicalName: 'analytics.users_v1' },
      fromVersion: '1',
      toVersion: '2',
      changes: [renamed, removed, { kind: 'field.added', path: ['locale'], severity: 'non-breaking' }],
    },
    edits: [
      { path: 'src/db/users.ts', transform: 'row-types', author: 'codemod' },
      { path: 'src/db/queries.ts', transform: 'sql-strings', author: 'codemod' },
      { path: 'src/db/users.ts', transform: 'sql-strings', author: 'codemod' },
    ],
    leftovers: [{ path: 'src/report.ts', line: 41, change: removed, reason: 'legacy_id is still read here and was removed upstream' }],
    verification: { typecheck: { status: 'passed', newErrors: 0 }, command: { command: 'npm test', status: 'passed' } },
    llm: { configured: false },
    commands: [],
    ...overrides,
  };
}

describe('renderPrBody', () => {
  it('renders every section of a typical PR', async () => {
    await expect(renderPrBody(buildInput())).toMatchFileSnapshot('__snapshots__/pr-body.md');
  });

  it('marks the files the LLM wrote', () => {
    const body = renderPrBody(buildInput({ llm: { configured: true }, edits: [{ path: 'src/report.ts', transform: 'llm-patch', author: 'llm' }] }));
    expect(body).toContain('These files hold edits the LLM wrote');
    expect(body).toContain('| `llm-patch` | LLM, verified | `src/report.ts` |');
  });

  it('says what the LLM spent on this repository', () => {
    const body = renderPrBody(buildInput({ llm: { configured: true, usage: { attempts: 2, promptTokens: 3_000, completionTokens: 250 } } }));
    expect(body).toContain('The LLM wrote no edit in this PR.\n\nIt made 2 attempt(s) for this repository, using 3,250 tokens.');
  });

  it('stays under GitHub’s body limit however many leftovers there are', () => {
    const leftovers = Array.from({ length: 5_000 }, (_unused, index) => ({ path: `src/generated/file-${index}.ts`, line: index + 1, change: removed, reason: 'legacy_id is still read here and was removed upstream' }));
    const body = renderPrBody(buildInput({ leftovers }));
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect(body).toContain('Needs a person (5000)');
    expect(body).toMatch(/…and \d+ more/);
    expect(findPrMarker(body)).toEqual({ migration: 'mig-7', consumer: 'component:default/growth-signups' });
  });

  it('lists the commands it answers, and none it does not', () => {
    expect(renderPrBody(buildInput())).not.toContain('`/downstream ');
    const body = renderPrBody(buildInput({ commands: [['rebase', 'bring the branch up to date']] }));
    expect(body).toContain('- `/downstream rebase` — bring the branch up to date');
  });

  it('keeps table cells intact when a reason holds a pipe', () => {
    const body = renderPrBody(buildInput({ leftovers: [{ path: 'a.ts', line: 1, change: removed, reason: 'a | b' }] }));
    expect(body).toContain('a \\| b');
  });
});

describe('findPrMarker', () => {
  it.each([
    ['no marker', 'hello', undefined],
    ['an edited, invalid marker', '<!-- downstream:{"migration": -->', undefined],
    ['a marker of the wrong shape', '<!-- downstream:{"migration":1} -->', undefined],
  ])('returns nothing for %s', (_label, body, expected) => {
    expect(findPrMarker(body)).toEqual(expected);
  });
});

describe('renderPrTitle', () => {
  it.each([
    [{ fromVersion: '1', toVersion: '2', changes: [] }, 'Migrate to user-profile v2'],
    [{ changes: [renamed] }, 'Follow user-profile: user_email → email'],
    [{ changes: [renamed, removed] }, 'Follow the user-profile schema change'],
  ])('%#: %s', (partial, title) => {
    expect(renderPrTitle({ dataset: { name: 'user-profile' }, ...partial })).toBe(title);
  });
});
