import { describe, expect, it } from 'vitest';
import { parseCommands } from './parse-commands.js';

const names = (body: string) => parseCommands(body).map((command) => (command.kind === 'unknown' ? `?${command.word}` : command.kind === 'invalid' ? `!${command.name}` : command.name));

describe('parseCommands', () => {
  it.each([
    ['a command alone', '/downstream rebase', ['rebase']],
    ['the prefix in any case', '/Downstream HOLD', ['hold']],
    ['a command among prose', 'Thanks!\n\n/downstream explain\n\nCheers', ['explain']],
    ['several commands, in order', '/downstream hold\nsome text\n/downstream explain\n/downstream unhold', ['hold', 'explain', 'unhold']],
    ['up to three spaces of indent', '   /downstream skip', ['skip']],
    ['CRLF line ends', 'hi\r\n/downstream retry\r\n', ['retry']],
    ['a bare prefix, which asks for help', '/downstream', ['help']],
    ['an unknown command', '/downstream merge', ['?merge']],
    ['the prefix inside a sentence', 'please /downstream rebase this', []],
    ['a longer word that starts like the prefix', '/downstreamer rebase', []],
    ['inline code', '`/downstream rebase`', []],
    ['a quote', '> /downstream skip\n>/downstream hold', []],
    ['a backtick fence', '```\n/downstream skip\n```\n/downstream hold', ['hold']],
    ['a tilde fence with a longer closing', '~~~~ sh\n/downstream skip\n~~~~~\n/downstream hold', ['hold']],
    ['a fence that a shorter one does not close', '````\n```\n/downstream skip\n````', []],
    ['an unclosed fence, to the end', '```\n/downstream skip', []],
    ['indented code (four spaces or a tab)', '    /downstream skip\n\t/downstream hold', []],
    ['an HTML comment across lines', '<!--\n/downstream skip\n-->\n/downstream hold', ['hold']],
    ['a command after an inline HTML comment', '<!-- note --> /downstream hold', ['hold']],
  ])('%s', (_label, body, expected) => {
    expect(names(body)).toEqual(expected);
  });

  it.each([
    ['rebase --force', { name: 'rebase', force: true }],
    ['rebase', { name: 'rebase', force: false }],
    ['skip we are moving off this table', { name: 'skip', reason: 'we are moving off this table' }],
    ['hold', { name: 'hold' }],
    ['fix use the new accessor', { name: 'fix', hint: 'use the new accessor' }],
    ['confirm-rename user_email email', { name: 'confirm-rename', rename: { from: 'user_email', to: 'email' } }],
    ['confirm-rename `user_email` -> `email`', { name: 'confirm-rename', rename: { from: 'user_email', to: 'email' } }],
    ['confirm-rename user_email → email', { name: 'confirm-rename', rename: { from: 'user_email', to: 'email' } }],
  ])('reads the arguments of /downstream %s', (text, expected) => {
    const [command] = parseCommands(`/downstream ${text}`);
    expect(command).toMatchObject({ kind: 'command', line: `/downstream ${text}`, ...expected });
  });

  it.each([
    ['rebase now', '`rebase` takes only `--force` (got `now`)'],
    ['explain everything', '`explain` takes no arguments (got `everything`)'],
    ['fix', '`fix` needs a hint: `/downstream fix <hint>`'],
    ['confirm-rename user_email', '`confirm-rename` needs two different field names: `/downstream confirm-rename <from> <to>`'],
    ['confirm-rename a b c', '`confirm-rename` needs two different field names: `/downstream confirm-rename <from> <to>`'],
    ['confirm-rename email email', '`confirm-rename` needs two different field names: `/downstream confirm-rename <from> <to>`'],
    ['confirm-rename a; b', '`confirm-rename` needs two different field names: `/downstream confirm-rename <from> <to>`'],
  ])('says what is wrong with /downstream %s', (text, problem) => {
    expect(parseCommands(`/downstream ${text}`)).toEqual([{ kind: 'invalid', name: text.split(' ')[0], line: `/downstream ${text}`, problem }]);
  });
});
