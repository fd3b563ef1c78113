import { describe, expect, it } from 'vitest';
import type { Consumer } from '../../catalog/index.js';
import type { RolloutPlan } from '../index.js';
import { defaultRolloutPolicy, planRollout, rolloutPlanSchema } from '../index.js';
import { buildChangeSet, buildConsumer, buildConsumers, buildPlan } from '../testing/build-rollout.js';

// Wave shapes as `tier:size`, the way a reviewer reads a plan.
function shape(plan: RolloutPlan): string[] {
  return plan.waves.map((wave) => `${wave.tier}:${wave.members.length}`);
}

function repos(plan: RolloutPlan, wave: number): string[] {
  return plan.waves[wave]?.members.map((member) => member.repo.name) ?? [];
}

describe('planRollout', () => {
  it.each([
    ['one consumer per tier, in tier order', [buildConsumer('crit', { tier: 'critical' }), buildConsumer('gen'), buildConsumer('can', { tier: 'canary' }), buildConsumer('ear', { tier: 'early' })], {}, ['canary:1', 'early:1', 'general:1', 'critical:1']],
    ['empty tiers open no wave', [...buildConsumers('can', 2, 'canary'), ...buildConsumers('gen', 3)], {}, ['canary:2', 'general:3']],
    ['canary waves capped smaller than the others', [...buildConsumers('can', 12, 'canary'), ...buildConsumers('gen', 20)], {}, ['canary:4', 'canary:4', 'canary:4', 'general:20']],
    ['a tier split into even waves of at most waveSize', [...buildConsumers('can', 1, 'canary'), ...buildConsumers('gen', 26)], {}, ['canary:1', 'general:13', 'general:13']],
    ['without canaries the first wave stands in for them', buildConsumers('gen', 32), {}, ['general:5', 'general:14', 'general:13']],
    ['without canaries the first tier present starts small', [...buildConsumers('ear', 8, 'early'), ...buildConsumers('gen', 3)], {}, ['early:5', 'early:3', 'general:3']],
    ['a first wave under the small cap stays whole', buildConsumers('gen', 4), {}, ['general:4']],
    ['custom sizes', [...buildConsumers('can', 3, 'canary'), ...buildConsumers('gen', 10)], { waveSize: 4, canaryWaveSize: 2 }, ['canary:2', 'canary:1', 'general:4', 'general:3', 'general:3']],
  ])('%s', (_label, consumers, policy, expected) => {
    expect(shape(buildPlan(consumers, policy))).toEqual(expected);
  });

  it('numbers waves from 0 in the order they open', () => {
    const plan = buildPlan([...buildConsumers('can', 6, 'canary'), ...buildConsumers('gen', 3)]);
    expect(plan.waves.map((wave) => wave.index)).toEqual([0, 1, 2]);
  });

  it('sorts a tier by repository, whatever order the catalog gave', () => {
    const plan = buildPlan([buildConsumer('zeta'), buildConsumer('Alpha'), buildConsumer('mid')]);
    expect(repos(plan, 0)).toEqual(['Alpha', 'mid', 'zeta']);
  });

  it('forces canaries named by repository or entity ref into the canary tier, and says so', () => {
    const consumers = [buildConsumer('billing', { tier: 'critical' }), buildConsumer('search', { tier: 'early' }), buildConsumer('signup')];
    const plan = buildPlan(consumers, { canaries: ['ACME/Billing', 'component:search', 'acme/gone'] });
    expect(shape(plan)).toEqual(['canary:2', 'general:1']);
    expect(plan.waves[0]?.members).toEqual([
      { entityRef: 'component:default/billing', repo: { owner: 'acme', name: 'billing' }, tier: 'canary', catalogTier: 'critical', namedCanary: true },
      { entityRef: 'component:default/search', repo: { owner: 'acme', name: 'search' }, tier: 'canary', catalogTier: 'early', namedCanary: true },
    ]);
    expect(plan.unmatchedCanaries).toEqual(['acme/gone']);
  });

  it('keeps opted-out consumers in the plan as affected, outside every wave', () => {
    const plan = buildPlan([buildConsumer('ledger', { optedOut: 'frozen until Q3' }), buildConsumer('signup'), buildConsumer('archive', { tier: 'critical', optedOut: 'the repository has the topic downstream-opt-out' })]);
    expect(shape(plan)).toEqual(['general:1']);
    expect(plan.optedOut).toEqual([
      { entityRef: 'component:default/archive', repo: { owner: 'acme', name: 'archive' }, tier: 'critical', reason: 'the repository has the topic downstream-opt-out' },
      { entityRef: 'component:default/ledger', repo: { owner: 'acme', name: 'ledger' }, tier: 'general', reason: 'frozen until Q3' },
    ]);
  });

  it('plans a consumer listed twice once', () => {
    expect(shape(buildPlan([buildConsumer('signup'), buildConsumer('signup')]))).toEqual(['general:1']);
  });

  it.each([
    ['only non-breaking changes', buildChangeSet([{ kind: 'field.added', path: ['locale'], severity: 'non-breaking' }]), [buildConsumer('signup')], 'no breaking change: 1 non-breaking change keep consumers working'],
    ['an unconfirmed suspected rename', buildChangeSet([{ kind: 'field.suspected-rename', path: ['mail'], from: 'mail', to: 'email', severity: 'review' }, { kind: 'field.added', path: ['x'], severity: 'non-breaking' }]), [buildConsumer('signup')], 'no breaking change: 1 non-breaking change keep consumers working; 1 change to review (a suspected rename is patched only once the producer confirms it)'],
    ['an empty change set', buildChangeSet([]), [buildConsumer('signup')], 'the change set is empty: no consumer needs a PR'],
    ['no consumers', buildChangeSet(), [], 'no consumer in the catalog depends on user-profile'],
    ['every consumer opted out', buildChangeSet(), [buildConsumer('a', { optedOut: 'no' }), buildConsumer('b', { optedOut: 'no' })], 'every consumer opted out (2): they are listed as affected and get no PR'],
  ])('plans no wave for %s, and says why', (_label, changeSet, consumers, reason) => {
    const plan = planRollout(changeSet, consumers, defaultRolloutPolicy);
    expect(plan.waves).toEqual([]);
    expect(plan.reason).toBe(reason);
  });

  it('takes the catalog’s Consumer as it is', () => {
    const consumer: Consumer = {
      entityRef: 'component:default/signup',
      name: 'signup',
      namespace: 'default',
      repo: { owner: 'acme', name: 'signup' },
      owner: 'group:default/growth',
      tier: 'early',
      paths: [],
      optedOut: false,
      lifecycle: 'production',
    };
    expect(shape(planRollout(buildChangeSet(), [consumer], defaultRolloutPolicy))).toEqual(['early:1']);
  });

  it('stores and reads back through its schema unchanged', () => {
    const plan = buildPlan([...buildConsumers('can', 2, 'canary'), buildConsumer('x', { optedOut: 'no' })], { window: { days: ['mon'] }, canaries: ['acme/none'] });
    expect(rolloutPlanSchema.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });
});
