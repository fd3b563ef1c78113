import { describe, expect, it } from 'vitest';
import type { RebaseInput } from '../index.js';
import { decideRebase } from '../index.js';

describe('decideRebase', () => {
  it.each([
    ['rebases a PR that conflicts', { mergeable: false, humanEdited: false, held: false }, 'rebase'],
    ['leaves a PR whose base merely moved', { mergeable: true, humanEdited: false, held: false }, 'leave'],
    ['checks later while GitHub computes mergeability', { mergeable: null, humanEdited: false, held: false }, 'check-later'],
    ['never rewrites a branch a person pushed to, even when it conflicts', { mergeable: false, humanEdited: true, held: false }, 'leave'],
    ['never touches a held PR, even when it conflicts', { mergeable: false, humanEdited: false, held: true }, 'leave'],
  ] satisfies [string, RebaseInput, string][])('%s', (_label, given, kind) => {
    expect(decideRebase(given).kind).toBe(kind);
  });

  it('tells a person how to get the bot back on an edited branch', () => {
    expect(decideRebase({ mergeable: false, humanEdited: true, held: false }).reason).toContain('/downstream recreate');
  });
});
