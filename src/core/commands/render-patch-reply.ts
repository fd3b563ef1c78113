/** How a patch job a command asked for ended, as far as the reply needs (the workflow's `PatchOutcome`). */
export type PatchReplyOutcome =
  | { kind: 'pr-open'; edits: number; leftovers: number }
  | { kind: 'needs-human'; issueUrl: string; leftovers: number }
  | { kind: 'not-affected' }
  | { kind: 'merged' | 'declined'; prUrl: string }
  | { kind: 'failed' | 'refused' | 'not-started' | 'skipped'; reason: string };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function describe(outcome: PatchReplyOutcome): string {
  switch (outcome.kind) {
    case 'pr-open':
      return `Done: the patch is regenerated on the current base branch and this PR is up to date (${plural(outcome.edits, 'edit')}, ${plural(outcome.leftovers, 'site')} left for a person).`;
    case 'needs-human':
      return `Done, but nothing could be fixed with certainty: the ${plural(outcome.leftovers, 'site')} are listed in ${outcome.issueUrl}.`;
    case 'not-affected':
      return 'Done: nothing in this repository needs the change any more.';
    case 'merged':
      return 'Not done: this PR was merged meanwhile.';
    case 'declined':
      return 'Not done: this PR was closed meanwhile.';
    case 'failed':
      return `Failed: ${outcome.reason}`;
    case 'refused':
    case 'not-started':
      return `Not done: ${outcome.reason}`;
    case 'skipped':
      return `Not done: the consumer is skipped (${outcome.reason}).`;
  }
}

/** The follow-up reply once the patch a `rebase`, `recreate` or `retry` asked for has run. */
export function renderPatchReply(input: { author: string; command: string; outcome: PatchReplyOutcome }): string {
  return `@${input.author} \`/downstream ${input.command}\`: ${describe(input.outcome)}\n`;
}
