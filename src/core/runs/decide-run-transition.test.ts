import { describe, expect, it } from 'vitest';
import { decideRunTransition, finalRunStates, runEvents, runStates } from './index.js';
import type { RunEvent, RunState, RunStatus } from './index.js';

function status(state: RunState, heldFrom?: RunState): RunStatus {
  return heldFrom === undefined ? { state } : { state, heldFrom };
}

// Every allowed move for a run that is not held, written out by hand from DESIGN §3.
const allowed: Record<Exclude<RunState, 'held'>, Partial<Record<RunEvent, RunState>>> = {
  pending: { 'patch-started': 'patching', skipped: 'skipped', held: 'held' },
  patching: {
    'patch-started': 'patching',
    'not-affected': 'not-affected',
    'pr-opened': 'pr-open',
    'needs-human': 'needs-human',
    'patch-failed': 'failed',
    skipped: 'skipped',
    held: 'held',
  },
  'not-affected': { skipped: 'skipped', held: 'held' },
  'pr-open': {
    'ci-passed': 'ci-passed',
    'ci-failed': 'ci-failed',
    'pr-updated': 'pr-open',
    merged: 'merged',
    'closed-by-person': 'declined',
    skipped: 'skipped',
    held: 'held',
  },
  'needs-human': { retry: 'pending', skipped: 'skipped', held: 'held' },
  failed: { retry: 'pending', skipped: 'skipped', held: 'held' },
  'ci-passed': {
    'ci-failed': 'ci-failed',
    'pr-updated': 'pr-open',
    merged: 'merged',
    'closed-by-person': 'declined',
    skipped: 'skipped',
    held: 'held',
  },
  'ci-failed': {
    'ci-passed': 'ci-passed',
    'pr-updated': 'pr-open',
    merged: 'merged',
    'closed-by-person': 'declined',
    skipped: 'skipped',
    held: 'held',
  },
  merged: {},
  declined: {},
  skipped: {},
};

const unheldStates = runStates.filter((state): state is Exclude<RunState, 'held'> => state !== 'held');
const pairs = unheldStates.flatMap((state) => runEvents.map((event) => ({ state, event, to: allowed[state][event] })));

describe('decideRunTransition', () => {
  it.each(pairs.filter((pair) => pair.to !== undefined))('$state --$event--> $to', ({ state, event, to }) => {
    const expected = to === 'held' ? status('held', state) : status(to ?? state);
    expect(decideRunTransition(status(state), event)).toEqual({ kind: 'ok', next: expected });
  });

  it.each(pairs.filter((pair) => pair.to === undefined))('$state refuses $event', ({ state, event }) => {
    const result = decideRunTransition(status(state), event);
    expect(result.kind).toBe('refused');
    if (result.kind === 'refused') expect(result.reason).toMatch(/\S/);
  });

  const holdable = unheldStates.filter((state) => !(finalRunStates as readonly RunState[]).includes(state));
  const heldPairs = holdable.flatMap((heldFrom) => runEvents.map((event) => ({ heldFrom, event })));

  it.each(heldPairs)('held (from $heldFrom) on $event', ({ heldFrom, event }) => {
    const result = decideRunTransition(status('held', heldFrom), event);
    const underneath = allowed[heldFrom][event];
    if (event === 'unheld') return expect(result).toEqual({ kind: 'ok', next: status(heldFrom) });
    if (event === 'skipped') return expect(result).toEqual({ kind: 'ok', next: status('skipped') });
    // A held run takes no action of the bot's own, and cannot be held twice.
    if (event === 'held' || event === 'patch-started' || event === 'retry' || underneath === undefined) {
      return expect(result.kind).toBe('refused');
    }
    // Facts move the run underneath the hold; a final fact (merged, declined) ends the hold.
    const final = (finalRunStates as readonly RunState[]).includes(underneath);
    expect(result).toEqual({ kind: 'ok', next: final ? status(underneath) : status('held', underneath) });
  });

  it('refuses to unhold a held run that does not know where it came from', () => {
    expect(decideRunTransition(status('held'), 'unheld').kind).toBe('refused');
  });

  it('says why a declined run is never reopened', () => {
    expect(decideRunTransition(status('declined'), 'retry')).toEqual({
      kind: 'refused',
      reason: 'retry refused: a person closed the PR unmerged; it is never reopened for this migration',
    });
  });

  it('follows a PR opened while the run was held, and returns to it on unhold', () => {
    const events: RunEvent[] = ['patch-started', 'held', 'pr-opened', 'ci-failed', 'unheld', 'pr-updated', 'ci-passed', 'merged'];
    const seen: RunStatus[] = [];
    let current = status('pending');
    for (const event of events) {
      const result = decideRunTransition(current, event);
      if (result.kind === 'refused') throw new Error(result.reason);
      current = result.next;
      seen.push(current);
    }
    expect(seen).toEqual([
      status('patching'),
      status('held', 'patching'),
      status('held', 'pr-open'),
      status('held', 'ci-failed'),
      status('ci-failed'),
      status('pr-open'),
      status('ci-passed'),
      status('merged'),
    ]);
  });
});
