/**
 * What happens to a run. Most are facts the bot observes (a patch finished, CI reported, a person
 * merged or closed the PR); `patch-started` and `retry` are the bot's own intents; `held`, `unheld`
 * and `skipped` come from people (labels, slash commands, opt-outs).
 */
export type RunEvent =
  | 'patch-started'
  | 'not-affected'
  | 'pr-opened'
  | 'needs-human'
  | 'patch-failed'
  | 'ci-passed'
  | 'ci-failed'
  | 'pr-updated'
  | 'merged'
  | 'closed-by-person'
  | 'skipped'
  | 'held'
  | 'unheld'
  | 'retry';

/** Every run event. */
export const runEvents = [
  'patch-started',
  'not-affected',
  'pr-opened',
  'needs-human',
  'patch-failed',
  'ci-passed',
  'ci-failed',
  'pr-updated',
  'merged',
  'closed-by-person',
  'skipped',
  'held',
  'unheld',
  'retry',
] as const satisfies readonly RunEvent[];
