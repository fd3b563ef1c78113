import type { PrBodyInput } from './pr-body.js';
import { renderLeftovers, renderUpstream } from './pr-body.js';

// GitHub refuses bodies over 65,536 characters.
const maxBodyLength = 60_000;

/** The marker that ties a needs-a-person issue to its migration and consumer. */
export function needsHumanMarker(migrationId: string, consumer: string): string {
  return `<!-- downstream:needs-human:${JSON.stringify({ migration: migrationId, consumer })} -->`;
}

/**
 * The issue opened in a consumer repository when the schema change touches its code but no site
 * could be fixed with certainty: there is no patch for a PR, and the sites must not be dropped.
 */
export function renderNeedsHumanIssue(input: Pick<PrBodyInput, 'migrationId' | 'consumer' | 'upstream' | 'changeSet' | 'leftovers'>): { title: string; body: string } {
  const build = (limit: number): string =>
    [
      '## Schema change upstream',
      renderUpstream(input),
      renderLeftovers(input, limit),
      'downstream found these places in this repository and could not change any of them with certainty, so it opened this issue instead of a PR. When they are fixed, close the issue.',
      needsHumanMarker(input.migrationId, input.consumer.entityRef),
    ].join('\n\n') + '\n';
  let limit = input.leftovers.length;
  let body = build(limit);
  while (body.length > maxBodyLength && limit > 0) {
    limit = Math.floor(limit / 2);
    body = build(limit);
  }
  const count = input.leftovers.length;
  return { title: `${input.changeSet.dataset.name} changed: ${count} place${count === 1 ? '' : 's'} need${count === 1 ? 's' : ''} a person`, body };
}
