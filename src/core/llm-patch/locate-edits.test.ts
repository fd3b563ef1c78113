import { describe, expect, it } from 'vitest';
import { locateEdits } from './locate-edits.js';
import { readerOf } from './testing/build-edits.js';

const text = 'const a = row.legacy_score;\nconst b = row.legacy_score;\nconst c = 1;\n';
const read = readerOf({ 'src/a.ts': text });
const edit = (file: string, original: string, replacement = 'x') => ({ file, original, replacement, change: 'field.removed legacy_score', reason: 'r' });

describe('locateEdits', () => {
  it('places an edit whose original occurs exactly once, normalising ./', () => {
    expect(locateEdits([edit('./src/a.ts', 'const c = 1;')], read)).toEqual({ located: [{ ...edit('src/a.ts', 'const c = 1;'), start: 56, end: 68 }], refusals: [] });
  });

  it.each([
    ['an original that is not in the file', edit('src/a.ts', 'const d'), 'applies', 'edit 1: the original text does not occur in the file as written (copy it exactly, without line numbers)'],
    ['an original that occurs twice', edit('src/a.ts', 'row.legacy_score'), 'applies', 'edit 1: the original text occurs 2 times; include neighbouring text so it is unique'],
    ['a file that does not exist', edit('src/new.ts', 'x'), 'applies', 'edit 1: src/new.ts does not exist (creating files is not allowed)'],
    ['a path that climbs out', edit('../secrets.ts', 'x'), 'target', 'edit 1: "../secrets.ts" is not a path inside the repository'],
    ['an absolute path', edit('/etc/passwd', 'x'), 'target', 'edit 1: "/etc/passwd" is not a path inside the repository'],
    ['a path with a control character', edit('src/a.ts\n', 'x'), 'target', 'edit 1: "src/a.ts\\n" is not a path inside the repository'],
  ])('refuses %s', (_what, proposed, rule, reason) => {
    const { located, refusals } = locateEdits([proposed], read);
    expect(located).toEqual([]);
    expect(refusals).toEqual([{ rule, file: expect.any(String), reason }]);
  });

  it('refuses an edit that overlaps another of the same file', () => {
    const { located, refusals } = locateEdits([edit('src/a.ts', 'const a = row'), edit('src/a.ts', 'a = row.legacy_score;\nconst b')], read);
    expect(located).toHaveLength(1);
    expect(refusals.map((refusal) => refusal.reason)).toEqual(['edit 2 overlaps another edit of src/a.ts']);
  });
});
