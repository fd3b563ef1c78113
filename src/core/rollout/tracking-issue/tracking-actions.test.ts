import { describe, expect, it } from 'vitest';
import { findTickedActions, findTrackingIssueMarker } from '../index.js';

const body = (promote: string, retry: string, pause: string): string =>
  [
    '### Controls',
    '',
    `- [${promote}] <!-- downstream:promote --> Promote the next wave now`,
    `- [${retry}] <!-- downstream:retry-failed --> Retry the 2 failed consumers`,
    `- [${pause}] <!-- downstream:pause --> Pause the campaign`,
  ].join('\n');

const untouched = body(' ', ' ', ' ');

describe('findTickedActions', () => {
  it.each([
    ['nothing ticked', untouched, untouched, []],
    ['promote ticked', untouched, body('x', ' ', ' '), ['promote']],
    ['an upper-case X', untouched, body('X', ' ', ' '), ['promote']],
    ['two boxes in one edit', untouched, body(' ', 'x', 'x'), ['retry-failed', 'pause']],
    ['a box already ticked before the edit does not act twice', body('x', ' ', ' '), body('x', ' ', ' '), []],
    ['a new tick beside an old one', body('x', ' ', ' '), body('x', 'x', ' '), ['retry-failed']],
    ['unticking does nothing', body('x', ' ', ' '), untouched, []],
    ['resume ticked where pause used to be', untouched, untouched.replace('- [ ] <!-- downstream:pause --> Pause the campaign', '- [x] <!-- downstream:resume --> Resume the campaign'), ['resume']],
    ['a box with an unknown action is ignored', untouched, `${untouched}\n- [x] <!-- downstream:abort --> Abort`, []],
    ['a marker outside a checkbox is ignored', untouched, `${untouched}\nSee [x] <!-- downstream:promote --> in the text`, []],
    ['a person rewording the label keeps the action', untouched, untouched.replace('- [ ] <!-- downstream:promote --> Promote the next wave now', '* [x] <!-- downstream:promote --> go go go'), ['promote']],
    ['an edit of another line with nothing ticked', untouched, `${untouched}\n\nThanks!`, []],
    ['boxes in CRLF bodies', untouched.replace(/\n/g, '\r\n'), body('x', ' ', ' ').replace(/\n/g, '\r\n'), ['promote']],
  ])('%s', (_label, oldBody, newBody, expected) => {
    expect(findTickedActions(oldBody, newBody)).toEqual(expected);
  });
});

describe('findTrackingIssueMarker', () => {
  it.each([
    ['the bot’s marker', 'text\n<!-- downstream:tracking {"migration":"mig-7"} -->\n', { migration: 'mig-7' }],
    ['no marker', 'hello', undefined],
    ['a PR marker, which is not a tracking issue', '<!-- downstream:{"migration":"mig-7","consumer":"component:default/a"} -->', undefined],
    ['a marker edited into invalid JSON', '<!-- downstream:tracking {"migration": -->', undefined],
    ['a marker of the wrong shape', '<!-- downstream:tracking {"migration":7} -->', undefined],
  ])('%s', (_label, text, expected) => {
    expect(findTrackingIssueMarker(text)).toEqual(expected);
  });
});
