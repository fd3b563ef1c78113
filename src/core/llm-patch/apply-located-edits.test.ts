import { describe, expect, it } from 'vitest';
import { applyLocatedEdits, mapLineThroughEdits } from './apply-located-edits.js';
import { buildEdit } from './testing/build-edits.js';

const text = ['one', 'two legacy', 'three', 'four', 'five legacy', 'six', ''].join('\n');

describe('applyLocatedEdits and mapLineThroughEdits', () => {
  const edits = [buildEdit('f', text, 'two legacy\n', ''), buildEdit('f', text, 'five legacy', 'five\nfive and a half')];
  const { text: after, landed } = applyLocatedEdits(text, edits);

  it('splices every edit into the original text', () => {
    expect(after).toBe(['one', 'three', 'four', 'five', 'five and a half', 'six', ''].join('\n'));
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 4],
    [6, 6],
  ])('maps line %i to line %i of the patched text', (line, mapped) => {
    expect(mapLineThroughEdits(text, after, landed, line)).toBe(mapped);
  });
});
