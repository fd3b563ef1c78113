import { describe, expect, it } from 'vitest';
import type { Change } from '../schema/index.js';
import type { TextEdit } from './transform.js';
import { mapOffset, planSplice, spliceText, unmapOffset } from './splice-edits.js';

const change: Change = { kind: 'field.renamed', path: ['user_id'], from: 'user_id', to: 'userId', severity: 'breaking' };

function edit(start: number, end: number, text: string, transform = 'a', path = 'f.ts'): TextEdit {
  return { path, start, end, text, transform, change };
}

describe('planSplice', () => {
  it.each([
    ['identical edits from two transforms collapse to the first', [edit(0, 3, 'x', 'a'), edit(0, 3, 'x', 'b')], 1, 0],
    ['overlapping edits with different results conflict', [edit(0, 5, 'x'), edit(3, 8, 'y')], 0, 1],
    ['two insertions at one offset conflict', [edit(4, 4, 'x'), edit(4, 4, 'y')], 0, 1],
    ['adjacent edits both apply', [edit(0, 3, 'x'), edit(3, 6, 'y')], 2, 0],
    ['the same range in two files does not conflict', [edit(0, 3, 'x', 'a', 'a.ts'), edit(0, 3, 'y', 'a', 'b.ts')], 2, 0],
  ])('%s', (_label, edits, accepted, conflicts) => {
    const plan = planSplice(edits);
    expect(plan.accepted).toHaveLength(accepted);
    expect(plan.conflicts).toHaveLength(conflicts);
  });

  it('credits a deduplicated edit to the transform that proposed it first', () => {
    expect(planSplice([edit(0, 3, 'x', 'row-types'), edit(0, 3, 'x', 'kysely')]).accepted[0]?.transform).toBe('row-types');
  });
});

describe('spliceText', () => {
  it('replaces exact ranges and leaves every other character as it was', () => {
    const text = 'const { user_id } = row; // user_id stays in comments';
    const { text: after } = spliceText(text, [edit(8, 15, 'userId: user_id')]);
    expect(after).toBe('const { userId: user_id } = row; // user_id stays in comments');
  });

  it('places each edit in the patched text, in order, whatever order they come in', () => {
    const { text, placed } = spliceText('aaa bbb ccc', [edit(8, 11, 'Z'), edit(0, 3, 'XXXXX')]);
    expect(text).toBe('XXXXX bbb Z');
    expect(placed.map((entry) => [entry.afterStart, entry.afterEnd])).toEqual([[0, 5], [10, 11]]);
  });
});

describe('mapOffset', () => {
  const { placed } = spliceText('aaa bbb ccc', [edit(0, 3, 'XXXXX'), edit(8, 11, 'Z')]);
  it.each([
    ['before any edit', 0, 0],
    ['between edits, shifted by the first', 4, 6],
    ['inside an edit, at its start in the patched text', 9, 10],
    ['after every edit', 11, 11],
  ])('%s', (_label, offset, expected) => {
    expect(mapOffset(placed, offset)).toBe(expected);
  });
});

describe('unmapOffset', () => {
  const { placed } = spliceText('aaa bbb ccc', [edit(0, 3, 'XXXXX'), edit(8, 11, 'Z')]);
  it.each([
    ['before any edit', 0, 0],
    ['between edits, shifted back by the first', 6, 4],
    ['inside an edit, at its original start', 2, 0],
    ['after every edit', 11, 11],
  ])('%s', (_label, offset, expected) => {
    expect(unmapOffset(placed, offset)).toBe(expected);
  });
});
