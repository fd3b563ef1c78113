import { describe, expect, it } from 'vitest';
import { parseJudgeResponse, parsePatchResponse } from './parse-patch-response.js';

const edit = { file: 'src/a.ts', original: 'row.legacy_score', replacement: '0', change: 'field.removed legacy_score', reason: 'the field is gone' };

describe('parsePatchResponse', () => {
  it('accepts exactly the JSON object of edits, with hand-offs optional', () => {
    expect(parsePatchResponse(`  ${JSON.stringify({ edits: [edit] })}\n`)).toEqual({ kind: 'ok', value: { edits: [edit], handOff: [] } });
    const handOff = [{ file: 'src/a.ts', line: 3, diagnosis: 'a product decision' }];
    expect(parsePatchResponse(JSON.stringify({ edits: [], handOff }))).toEqual({ kind: 'ok', value: { edits: [], handOff } });
  });

  it.each([
    ['prose', 'Here is the fix: {"edits":[]}', 'the reply was not a single JSON object (no prose, no code fence)'],
    ['a code fence', '```json\n{"edits":[]}\n```', 'the reply was not a single JSON object (no prose, no code fence)'],
    ['an empty reply', '', 'the reply was not a single JSON object (no prose, no code fence)'],
    ['a missing field', JSON.stringify({ edits: [{ ...edit, reason: undefined }] }), 'the reply did not match the expected shape: edits.0.reason: Invalid input: expected string, received undefined'],
    ['an unknown key', JSON.stringify({ edits: [], notes: 'hi' }), 'the reply did not match the expected shape: (root): Unrecognized key: "notes"'],
    ['an empty original', JSON.stringify({ edits: [{ ...edit, original: '' }] }), 'the reply did not match the expected shape: edits.0.original: Too small: expected string to have >=1 characters'],
    ['a line that is not a positive integer', JSON.stringify({ edits: [], handOff: [{ file: 'a', line: 0, diagnosis: 'd' }] }), 'the reply did not match the expected shape: handOff.0.line: Too small: expected number to be >0'],
    ['an edit that changes nothing', JSON.stringify({ edits: [{ ...edit, replacement: edit.original }] }), 'edits.0: replacement equals original, so the edit changes nothing'],
  ])('rejects %s', (_what, text, reason) => {
    expect(parsePatchResponse(text)).toEqual({ kind: 'rejected', reason });
  });

  it('rejects text that is not JSON, saying so', () => {
    const parsed = parsePatchResponse('{"edits": [}');
    expect(parsed.kind === 'rejected' && parsed.reason.startsWith('the reply was not valid JSON (')).toBe(true);
  });
});

describe('parseJudgeResponse', () => {
  it.each([
    ['{"verdict":"accept","reason":"only the field"}', { kind: 'ok', value: { verdict: 'accept', reason: 'only the field' } }],
    ['{"verdict":"veto","reason":"renames a function"}', { kind: 'ok', value: { verdict: 'veto', reason: 'renames a function' } }],
    ['{"verdict":"maybe","reason":"?"}', { kind: 'rejected', reason: 'the reply did not match the expected shape: verdict: Invalid option: expected one of "accept"|"veto"' }],
  ])('reads %s', (text, expected) => {
    expect(parseJudgeResponse(text)).toEqual(expected);
  });
});
