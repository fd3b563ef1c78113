export type { RunState, RunStatus } from './run-state.js';
export { finalRunStates, isFinalRunState, runStates } from './run-state.js';
export type { RunEvent } from './run-event.js';
export { runEvents } from './run-event.js';
export type { RunTransition } from './decide-run-transition.js';
export { decideRunTransition } from './decide-run-transition.js';
