import { consumerTiers } from '../../catalog/index.js';
import type { ConsumerTier } from '../../catalog/index.js';
import type { ChangeSet } from '../../schema/index.js';
import type { RolloutPolicy } from '../policy/rollout-policy.js';
import { matchCanaries } from './match-canary.js';
import type { OptedOutConsumer, RolloutConsumer, RolloutPlan, RolloutWave, WaveMember } from './rollout-plan.js';
import { formatRepo } from './rollout-plan.js';
import { splitIntoWaves } from './split-into-waves.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// Plain code-unit comparison: the order must not depend on the ICU build that runs the plan.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byRepo(a: { repo: RolloutConsumer['repo']; entityRef: string }, b: { repo: RolloutConsumer['repo']; entityRef: string }): number {
  return compareText(formatRepo(a.repo).toLowerCase(), formatRepo(b.repo).toLowerCase()) || compareText(a.entityRef, b.entityRef);
}

function explainNothingToPatch(changeSet: ChangeSet): string | undefined {
  const { changes } = changeSet;
  if (changes.some((change) => change.severity === 'breaking')) return undefined;
  if (changes.length === 0) return 'the change set is empty: no consumer needs a PR';
  const review = changes.filter((change) => change.severity === 'review').length;
  const reviewNote = review === 0 ? '' : `; ${plural(review, 'change')} to review (a suspected rename is patched only once the producer confirms it)`;
  return `no breaking change: ${plural(changes.length - review, 'non-breaking change')} keep consumers working${reviewNote}`;
}

function uniqueConsumers(consumers: readonly RolloutConsumer[]): RolloutConsumer[] {
  const seen = new Set<string>();
  return consumers.filter((consumer) => {
    const key = consumer.entityRef.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function buildWaves(members: readonly WaveMember[], policy: RolloutPolicy): RolloutWave[] {
  const waves: RolloutWave[] = [];
  for (const tier of consumerTiers) {
    const inTier = members.filter((member) => member.tier === tier);
    const isCanary = tier === 'canary';
    // Without canaries the first wave stands in for them, so a plan always starts small.
    const firstCap = waves.length === 0 || isCanary ? policy.canaryWaveSize : policy.waveSize;
    const cap = isCanary ? policy.canaryWaveSize : policy.waveSize;
    for (const group of splitIntoWaves(inTier, cap, Math.min(firstCap, cap))) {
      waves.push({ index: waves.length, tier, members: group });
    }
  }
  return waves;
}

/**
 * Plans the waves of a migration (DESIGN §3): tiers in order canary → early → general → critical,
 * canaries named by the policy forced into the canary tier, each tier split into capped waves
 * sorted by repository. Opted-out consumers stay in the plan, outside every wave.
 */
export function planRollout(changeSet: ChangeSet, consumers: readonly RolloutConsumer[], policy: RolloutPolicy): RolloutPlan {
  const unique = uniqueConsumers(consumers);
  const canaries = matchCanaries(policy.canaries, unique);
  const effectiveTier = (consumer: RolloutConsumer): ConsumerTier => (canaries.isNamed(consumer) ? 'canary' : consumer.tier);
  const optedOut: OptedOutConsumer[] = unique
    .filter((consumer) => consumer.optedOut)
    .sort(byRepo)
    .map((consumer) => ({ entityRef: consumer.entityRef, repo: consumer.repo, tier: effectiveTier(consumer), reason: consumer.optOutReason ?? 'opted out' }));
  const base = { dataset: changeSet.dataset.name, optedOut, unmatchedCanaries: canaries.unmatched, policy };
  const nothingToPatch = explainNothingToPatch(changeSet);
  if (nothingToPatch !== undefined) return { ...base, waves: [], reason: nothingToPatch };
  if (unique.length === 0) return { ...base, waves: [], reason: `no consumer in the catalog depends on ${changeSet.dataset.name}` };
  const members: WaveMember[] = unique
    .filter((consumer) => !consumer.optedOut)
    .sort(byRepo)
    .map((consumer) => ({ entityRef: consumer.entityRef, repo: consumer.repo, tier: effectiveTier(consumer), catalogTier: consumer.tier, namedCanary: canaries.isNamed(consumer) }));
  if (members.length === 0) return { ...base, waves: [], reason: `every consumer opted out (${unique.length}): they are listed as affected and get no PR` };
  return { ...base, waves: buildWaves(members, policy) };
}
