import { describe, expect, it } from 'vitest';
import { renderPatchReply } from './render-patch-reply.js';
import type { PatchReplyOutcome } from './render-patch-reply.js';

describe('renderPatchReply', () => {
  it.each<[PatchReplyOutcome, string]>([
    [{ kind: 'pr-open', edits: 3, leftovers: 1 }, 'Done: the patch is regenerated on the current base branch and this PR is up to date (3 edits, 1 site left for a person).'],
    [{ kind: 'needs-human', issueUrl: 'https://x/issues/4', leftovers: 2 }, 'Done, but nothing could be fixed with certainty: the 2 sites are listed in https://x/issues/4.'],
    [{ kind: 'not-affected' }, 'Done: nothing in this repository needs the change any more.'],
    [{ kind: 'merged', prUrl: 'u' }, 'Not done: this PR was merged meanwhile.'],
    [{ kind: 'refused', reason: 'sam pushed to the branch' }, 'Not done: sam pushed to the branch'],
    [{ kind: 'failed', reason: 'verify command `npm test` failed (exit 1)' }, 'Failed: verify command `npm test` failed (exit 1)'],
    [{ kind: 'skipped', reason: 'opted out' }, 'Not done: the consumer is skipped (opted out).'],
  ])('answers %o', (outcome, text) => {
    expect(renderPatchReply({ author: 'sam', command: 'rebase', outcome })).toBe(`@sam \`/downstream rebase\`: ${text}\n`);
  });
});
