import { describe, expect, it } from 'vitest';
import { listPullCommandHelp } from './command-catalogue.js';
import { renderCommandReply } from './render-command-reply.js';
import type { CommandOutcome } from './render-command-reply.js';
import type { CommandPlace } from './command-catalogue.js';

const reply = (outcome: CommandOutcome, place: CommandPlace = 'pull') => renderCommandReply({ author: 'sam', repo: 'acme/billing', place, entries: [{ line: '/downstream opt-out', outcome }] });

describe('renderCommandReply', () => {
  it.each([
    [{ kind: 'unauthorized', needed: 'maintain', role: 'write', roleName: 'write' }, '@sam `/downstream opt-out`: Refused: this needs the **maintain** role or higher on `acme/billing`, and @sam has **write**.\n'],
    [{ kind: 'unauthorized', needed: 'write', role: 'none', roleName: 'none' }, '@sam `/downstream opt-out`: Refused: this needs the **write** role or higher on `acme/billing`, and @sam has no role on it.\n'],
    [{ kind: 'unauthorized', needed: 'write', role: 'read', roleName: 'auditor' }, '@sam `/downstream opt-out`: Refused: this needs the **write** role or higher on `acme/billing`, and @sam has the custom role `auditor`, which counts as **read**.\n'],
    [{ kind: 'done', text: 'Held.' }, '@sam `/downstream opt-out`: Held.\n'],
    [{ kind: 'queued', text: 'rebasing.' }, '@sam `/downstream opt-out`: Queued: rebasing.\n'],
    [{ kind: 'refused', reason: 'this PR is not held.' }, '@sam `/downstream opt-out`: Not done: this PR is not held.\n'],
  ] as const)('answers %o', (outcome, text) => {
    expect(reply(outcome)).toBe(text);
  });

  it.each([
    [{ kind: 'unknown', word: 'merge' }, '`merge` is not a downstream command.'],
    [{ kind: 'invalid', problem: '`fix` needs a hint' }, 'Not understood: `fix` needs a hint.'],
    [{ kind: 'wrong-place', command: 'promote' }, '`promote` does not work on its pull requests.'],
    [{ kind: 'help' }, 'Here is what works here.'],
  ] as const)('adds the commands that work here to %o', (outcome, text) => {
    const body = reply(outcome);
    expect(body).toContain(text);
    expect(body).toContain('| `/downstream rebase [--force]` | write |');
    expect(body).toContain('| `/downstream opt-out [reason]` | maintain |');
    // Tracking-issue commands are not offered on a PR; fix is, with the note that it needs an LLM.
    expect(body).not.toContain('/downstream promote');
    expect(body).toContain('| `/downstream fix <hint>` | write | (with an LLM configured) ');
  });

  it('lists the campaign commands on the tracking issue', () => {
    const body = reply({ kind: 'help' }, 'tracking');
    expect(body).toContain('| `/downstream confirm-rename <from> <to>` | write |');
    expect(body).toContain('| `/downstream status` | read |');
    expect(body).not.toContain('/downstream rebase');
  });

  it('offers only opt-in and help on an opt-out notice', () => {
    const body = reply({ kind: 'help' }, 'notice');
    expect(body.match(/^\| `\/downstream [^`]+`/gm)).toEqual(['| `/downstream opt-in`', '| `/downstream help`']);
  });

  it('answers each command of a comment on its own line, once', () => {
    const body = renderCommandReply({
      author: 'sam',
      repo: 'acme/billing',
      place: 'pull',
      entries: [
        { line: '/downstream hold', outcome: { kind: 'done', text: 'Held.' } },
        { line: '/downstream confirm-rename `a` b', outcome: { kind: 'wrong-place', command: 'confirm-rename' } },
      ],
    });
    expect(body.split('\n').slice(0, 4)).toEqual(['@sam', '', '- `/downstream hold`: Held.', '- `` /downstream confirm-rename `a` b ``: `confirm-rename` does not work on its pull requests.']);
  });

  it('puts long answers after the list, each under its command', () => {
    const body = renderCommandReply({
      author: 'sam',
      repo: 'acme/billing',
      place: 'pull',
      entries: [
        { line: '/downstream explain', outcome: { kind: 'done', text: 'Here is what this PR changes.', details: '- **a** renamed' } },
        { line: '/downstream hold', outcome: { kind: 'done', text: 'Held.' } },
      ],
    });
    expect(body).toBe(['@sam', '', '- `/downstream explain`: Here is what this PR changes.', '- `/downstream hold`: Held.', '', '#### `/downstream explain`', '', '- **a** renamed', ''].join('\n'));
    expect(reply({ kind: 'done', text: 'Here is what this PR changes.', details: 'block' })).toBe('@sam `/downstream opt-out`: Here is what this PR changes.\n\nblock\n');
  });

  it('cuts a reply that would not fit in one GitHub comment', () => {
    const body = reply({ kind: 'done', text: 'x'.repeat(70_000) });
    expect(body.length).toBeLessThan(65_536);
    expect(body.endsWith('…cut to fit in one comment.\n')).toBe(true);
  });

  it('offers the PR body the commands help lists, and fix only when an LLM is configured', () => {
    const always = ['rebase [--force]', 'recreate', 'retry', 'explain', 'skip [reason]', 'hold [reason]', 'unhold', 'opt-out [reason]', 'opt-in', 'help'];
    expect(listPullCommandHelp({ llmConfigured: false }).map(([usage]) => usage)).toEqual(always);
    expect(listPullCommandHelp({ llmConfigured: true }).map(([usage]) => usage)).toEqual([...always.slice(0, 3), 'fix <hint>', ...always.slice(3)]);
  });
});
