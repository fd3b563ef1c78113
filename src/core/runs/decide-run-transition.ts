import type { RunEvent } from './run-event.js';
import { isFinalRunState } from './run-state.js';
import type { RunState, RunStatus } from './run-state.js';

/** The outcome of applying an event to a run: its next status, or why the event does not apply. */
export type RunTransition = { kind: 'ok'; next: RunStatus } | { kind: 'refused'; reason: string };

type Flow = Partial<Record<RunEvent, Partial<Record<RunState, RunState>>>>;

const prStates = ['pr-open', 'ci-passed', 'ci-failed'] as const;

function fromEach(states: readonly RunState[], to: RunState): Partial<Record<RunState, RunState>> {
  return Object.fromEntries(states.map((state) => [state, to]));
}

// The flow of DESIGN §3, without the overlays (skipped, held) that apply to every state.
const flow: Flow = {
  // patching → patching is a new attempt after a lost one: the queue runs one job per run at a
  // time, so a second start means the first worker died mid-patch.
  'patch-started': { pending: 'patching', patching: 'patching' },
  'not-affected': { patching: 'not-affected' },
  'pr-opened': { patching: 'pr-open' },
  'needs-human': { patching: 'needs-human' },
  'patch-failed': { patching: 'failed' },
  'ci-passed': { 'pr-open': 'ci-passed', 'ci-failed': 'ci-passed' },
  'ci-failed': { 'pr-open': 'ci-failed', 'ci-passed': 'ci-failed' },
  'pr-updated': fromEach(prStates, 'pr-open'),
  // A person may merge or close before CI reports (or in a repo without CI): that is still a fact.
  merged: fromEach(prStates, 'merged'),
  'closed-by-person': fromEach(prStates, 'declined'),
  // needs-human takes a retry too: `/downstream retry` and `fix <hint>` are how a person answers it.
  retry: { failed: 'pending', 'needs-human': 'pending' },
};

// The bot's own intents; every other flow event is a fact that happened whether we like it or not.
const intents: readonly RunEvent[] = ['patch-started', 'retry'];

const finalReasons: Record<string, string> = {
  merged: 'the PR is merged; nothing more happens to this consumer in this migration',
  declined: 'a person closed the PR unmerged; it is never reopened for this migration',
  skipped: 'the consumer is skipped for this migration',
};

function decideFlow(state: RunState, event: RunEvent): RunTransition {
  const next = flow[event]?.[state];
  if (next === undefined) return { kind: 'refused', reason: `${event} does not apply to a run in state ${state}` };
  return { kind: 'ok', next: { state: next } };
}

function decideWhileHeld(heldFrom: RunState | undefined, event: RunEvent): RunTransition {
  if (heldFrom === undefined) return { kind: 'refused', reason: 'the run is held but does not record the state it was held in' };
  if (event === 'unheld') return { kind: 'ok', next: { state: heldFrom } };
  if (event === 'held') return { kind: 'refused', reason: 'the run is already held' };
  if (intents.includes(event)) return { kind: 'refused', reason: `the run is held: the bot leaves it alone until it is unheld (${event} refused)` };
  // Facts still move the run underneath the hold, so unhold returns to where it really is.
  const underneath = decideFlow(heldFrom, event);
  if (underneath.kind === 'refused') return underneath;
  const reached = underneath.next.state;
  return { kind: 'ok', next: isFinalRunState(reached) ? { state: reached } : { state: 'held', heldFrom: reached } };
}

/** Decides what an event does to a run (DESIGN §3); a refusal is a value, never an exception. */
export function decideRunTransition(current: RunStatus, event: RunEvent): RunTransition {
  const { state } = current;
  if (isFinalRunState(state)) {
    return { kind: 'refused', reason: `${event} refused: ${finalReasons[state] ?? `${state} is final`}` };
  }
  if (event === 'skipped') return { kind: 'ok', next: { state: 'skipped' } };
  if (state === 'held') return decideWhileHeld(current.heldFrom, event);
  if (event === 'held') return { kind: 'ok', next: { state: 'held', heldFrom: state } };
  if (event === 'unheld') return { kind: 'refused', reason: `the run is not held (it is ${state})` };
  return decideFlow(state, event);
}
