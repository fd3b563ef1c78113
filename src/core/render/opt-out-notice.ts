import { z } from 'zod';
import type { OptOutReason } from '../consumers/index.js';
import { code } from './markdown.js';
import type { PrBodyInput } from './pr-body.js';
import { renderUpstream } from './pr-body.js';

/** What the notice to an opted-out consumer says. */
export type OptOutNoticeInput = Pick<PrBodyInput, 'migrationId' | 'upstream' | 'changeSet'> & {
  consumer: { entityRef: string };
  reason: OptOutReason;
};

const markerPattern = /<!-- downstream:notice (\{.*?\}) -->/;
const markerSchema = z.object({ migration: z.string().min(1), consumer: z.string().min(1) });

/** The hidden marker that makes the notice one per migration and consumer. */
export function optOutNoticeMarker(migrationId: string, consumer: string): string {
  return `<!-- downstream:notice ${JSON.stringify({ migration: migrationId, consumer })} -->`;
}

/** Reads the migration and consumer back from a notice's body; undefined when there is no (valid) marker. */
export function findOptOutNoticeMarker(body: string): { migration: string; consumer: string } | undefined {
  const match = markerPattern.exec(body);
  if (match?.[1] === undefined) return undefined;
  try {
    const parsed = markerSchema.safeParse(JSON.parse(match[1]));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // A marker someone edited into invalid JSON belongs to nothing.
    return undefined;
  }
}

function renderWayBack(input: OptOutNoticeInput): string {
  switch (input.reason.source) {
    case 'topic':
      return 'To get PRs again, remove the topic `downstream-opt-out` from this repository.';
    case 'config':
      return 'To get PRs again, remove `enabled: false` from `.github/downstream.yml`.';
    case 'catalog':
      return `To get PRs again, remove the annotation \`downstream/opt-out\` from ${code(input.consumer.entityRef)} in the catalog.`;
    case 'command':
      return 'To get PRs again, a maintainer comments `/downstream opt-in` here.';
  }
}

/**
 * The one issue an opted-out consumer gets per migration: opting out means no PRs, not silence, so
 * the team still learns what changed upstream, why no PR came, and how to get PRs again.
 */
export function renderOptOutNotice(input: OptOutNoticeInput): { title: string; body: string } {
  const body = [
    '## Schema change upstream',
    renderUpstream({ changeSet: input.changeSet, upstream: input.upstream }),
    '## Why there is no PR',
    `downstream did not open a PR here because ${input.reason.detail}. Code in this repository that reads the dataset may need the changes above; downstream did not look at it.`,
    renderWayBack(input),
    'To stop notices like this one, set `notices: false` in `.github/downstream.yml`. Close this issue when you are done with it.',
    optOutNoticeMarker(input.migrationId, input.consumer.entityRef),
  ].join('\n\n');
  return { title: `${input.changeSet.dataset.name} changed upstream: no PR here, this repository opted out`, body: `${body}\n` };
}
