import { describe, expect, it } from 'vitest';
import type { Change } from '../schema/index.js';
import { applyLocatedEdits, mapLineThroughEdits } from './apply-located-edits.js';
import { decideResolved } from './decide-resolved.js';
import type { HandOff } from './parse-patch-response.js';
import type { LocatedEdit } from './refusal.js';
import { buildEdit, buildLeftover } from './testing/build-edits.js';

const file = 'src/report.ts';
const text = [
  'const sql = `SELECT u.user_id, u.legacy_score FROM analytics.users_v1 AS u`;', // 1
  '', // 2
  'export function scoreLine(row: UserRow): string {', // 3
  '  return `${row.email}: ${row.legacy_score ?? 0}`;', // 4
  '}', // 5
  'export const total = (row: UserRow) => row.user_id + 1;', // 6
  '',
].join('\n');
const retyped: Change = { kind: 'field.type-changed', path: ['user_id'], from: 'long', to: 'string', severity: 'breaking' };

function decide(edits: LocatedEdit[], leftovers = [buildLeftover(file, 1), buildLeftover(file, 4)], options: { handOff?: HandOff[]; errorsBefore?: string[]; errorsAfter?: { path: string; line: number }[] } = {}) {
  const { text: after, landed } = applyLocatedEdits(text, edits);
  const decided = decideResolved({
    leftovers,
    edits,
    handOff: options.handOff ?? [],
    readBefore: () => text,
    readAfter: () => after,
    mapLine: (_path, line) => mapLineThroughEdits(text, after, landed, line),
    errorSitesBefore: new Set(options.errorsBefore ?? []),
    errorsAfter: options.errorsAfter ?? [],
    radius: 3,
  });
  return { resolved: decided.resolved.map((leftover) => leftover.line), unresolved: decided.unresolved.map((entry) => [entry.leftover.line, entry.diagnosis]) };
}

describe('decideResolved', () => {
  it('counts a site fixed when its line no longer names the removed field', () => {
    expect(decide([buildEdit(file, text, ', u.legacy_score', ''), buildEdit(file, text, ': ${row.legacy_score ?? 0}', '')])).toEqual({ resolved: [1, 4], unresolved: [] });
  });

  it('keeps a site whose line still names the field, or where nothing was edited', () => {
    expect(decide([buildEdit(file, text, 'row.user_id + 1', 'row.user_id + 2')])).toEqual({
      resolved: [],
      unresolved: [
        [1, 'the LLM made no edit at this site'],
        [4, 'the site still mentions `legacy_score` after the LLM’s edit'],
      ],
    });
  });

  it('keeps a site the model handed off, with its diagnosis', () => {
    const handOff = [{ file, line: 4, diagnosis: 'whether a score still belongs in the line is for the product owner' }];
    expect(decide([buildEdit(file, text, ', u.legacy_score', '')], undefined, { handOff })).toEqual({
      resolved: [1],
      unresolved: [[4, 'the LLM handed this site to a person: whether a score still belongs in the line is for the product owner']],
    });
  });

  it('counts a type-change site fixed only when its type error is gone', () => {
    const site = buildLeftover(file, 6, retyped, 'no longer type-checks');
    const edit = buildEdit(file, text, 'row.user_id + 1', 'Number(row.user_id) + 1', 'field.type-changed user_id');
    expect(decide([edit], [site], { errorsBefore: [`${file}:6`] })).toEqual({ resolved: [6], unresolved: [] });
    expect(decide([edit], [site], { errorsBefore: [`${file}:6`], errorsAfter: [{ path: file, line: 6 }] })).toEqual({ resolved: [], unresolved: [[6, 'still does not type-check after the LLM’s edit']] });
  });
});
