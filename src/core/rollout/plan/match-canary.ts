import { parseEntityRef, stringifyEntityRef } from '../../catalog/index.js';
import type { RolloutConsumer } from './rollout-plan.js';

/**
 * The consumer key a policy canary names: an entity ref (`component:default/x`, `component:x`)
 * in canonical form, or a repository full name; both lower-cased, as GitHub and Backstage compare them.
 */
function canaryKey(canary: string): string {
  if (canary.includes(':')) return `entity:${stringifyEntityRef(parseEntityRef(canary))}`;
  return `repo:${canary.toLowerCase()}`;
}

/** The policy canaries each consumer matches, and the canaries that match none. */
export function matchCanaries(canaries: readonly string[], consumers: readonly RolloutConsumer[]): { isNamed: (consumer: RolloutConsumer) => boolean; unmatched: string[] } {
  const keys = new Map(canaries.map((canary) => [canaryKey(canary), canary]));
  const matched = new Set<string>();
  const keysOf = (consumer: RolloutConsumer): string[] => [`entity:${consumer.entityRef.toLowerCase()}`, `repo:${consumer.repo.owner}/${consumer.repo.name}`.toLowerCase()];
  for (const consumer of consumers) {
    for (const key of keysOf(consumer)) if (keys.has(key)) matched.add(key);
  }
  return {
    isNamed: (consumer) => keysOf(consumer).some((key) => keys.has(key)),
    unmatched: [...keys].filter(([key]) => !matched.has(key)).map(([, canary]) => canary),
  };
}
