import { describe, expect, it } from 'vitest';
import type { Change } from '../../schema/index.js';
import type { TrackedRun, TrackingIssueInput } from '../index.js';
import { decideNextWave, findTickedActions, findTrackingIssueMarker, renderTrackingIssue, renderTrackingIssueTitle } from '../index.js';
import { buildChangeSet, buildConsumer, buildConsumers, buildPlan, buildRun, renamedEmail } from '../testing/build-rollout.js';

const now = new Date('2026-03-09T15:00:00Z');
const removed: Change = { kind: 'field.removed', path: ['legacy_id'], severity: 'breaking' };
const pr = (number: number, name: string): Partial<TrackedRun> => ({ prNumber: number, prUrl: `https://github.com/acme/${name}/pull/${number}` });

const consumers = [
  buildConsumer('signup', { tier: 'canary' }),
  buildConsumer('billing', { tier: 'critical' }),
  ...buildConsumers('early', 5, 'early'),
  ...buildConsumers('general', 4),
  buildConsumer('ledger', { optedOut: 'the repository has the topic downstream-opt-out' }),
];
const policy = { canaries: ['acme/billing', 'acme/retired'], window: { days: ['mon', 'tue', 'wed', 'thu'], hours: '09:00-17:00', timezone: 'Europe/Berlin' } };

const runs: TrackedRun[] = [
  buildRun('billing', 'merged', { ...pr(12, 'billing'), leftovers: 0 }),
  buildRun('signup', 'ci-passed', { ...pr(40, 'signup'), leftovers: 0, greenAt: new Date('2026-03-09T10:00:00Z') }),
  buildRun('early-01', 'ci-passed', { ...pr(7, 'early-01'), leftovers: 0 }),
  buildRun('early-02', 'ci-failed', { ...pr(8, 'early-02'), leftovers: 1, stateReason: 'test job "integration" failed' }),
  buildRun('early-03', 'pr-open', { ...pr(9, 'early-03'), leftovers: 2 }),
  buildRun('early-04', 'held', { ...pr(10, 'early-04'), heldFrom: 'ci-passed', leftovers: 0 }),
  buildRun('early-05', 'needs-human', { leftovers: 3, stateReason: 'every site is a dynamic SQL string | no safe rewrite' }),
];

function buildInput(overrides: Partial<TrackingIssueInput> = {}): TrackingIssueInput {
  const plan = buildPlan(consumers, policy);
  const control = { status: 'active', startedWaves: 2 } as const;
  return {
    migrationId: 'mig-7',
    serverUrl: 'https://github.com',
    upstream: { repo: 'acme/user-schemas', sha: '0123456789abcdef', commitUrl: 'https://github.com/acme/user-schemas/commit/0123456789abcdef' },
    changeSet: buildChangeSet([renamedEmail, removed, { kind: 'field.added', path: ['locale'], severity: 'non-breaking' }]),
    plan,
    runs,
    control,
    decision: decideNextWave(plan, runs, now, control),
    unresolvable: [{ entityRef: 'component:default/orphan', reason: 'annotation github.com/project-slug is missing' }],
    ...overrides,
  };
}

describe('renderTrackingIssue', () => {
  it('renders the change, the status, the controls, the waves and every consumer', async () => {
    await expect(renderTrackingIssue(buildInput())).toMatchFileSnapshot('__snapshots__/tracking-issue.md');
  });

  it('lists every affected consumer once, opted-out and unreachable ones included', () => {
    const body = renderTrackingIssue(buildInput());
    for (const consumer of [...consumers.map((item) => item.entityRef), 'component:default/orphan']) {
      expect(body.split(`\`${consumer}\``).length - 1, consumer).toBe(1);
    }
    expect(body).toContain('### Opted out (1)');
    expect(body).toContain('the repository has the topic downstream-opt-out');
  });

  it.each([
    ['active', 'pause', ['promote', 'retry-failed', 'pause']],
    ['paused', 'resume', ['promote', 'retry-failed', 'resume']],
    ['halted', 'resume', ['promote', 'retry-failed', 'resume']],
  ] as const)('shows the boxes that apply to a campaign that is %s', (status, _box, actions) => {
    const body = renderTrackingIssue(buildInput({ control: { status, startedWaves: 2 } }));
    // Ticking every box the body offers acts on exactly those.
    expect(findTickedActions(body, body.replace(/- \[ \]/g, '- [x]'))).toEqual(actions);
  });

  it('reports the tokens the LLM spent on the migration, and nothing about an LLM when none is configured', () => {
    expect(renderTrackingIssue(buildInput({ llmUsage: { promptTokens: 12_400, completionTokens: 1_600 } }))).toContain('**LLM use** for this migration: 14,000 tokens (12,400 prompt, 1,600 completion).');
    expect(renderTrackingIssue(buildInput())).not.toContain('LLM');
  });

  it('offers no boxes once the campaign is aborted', () => {
    const body = renderTrackingIssue(buildInput({ control: { status: 'aborted', startedWaves: 2 } }));
    expect(body).not.toContain('- [ ]');
    expect(body).toContain('**Status:** 🛑 aborted');
  });

  it('offers no promote box once every wave has opened, and no retry without failures', () => {
    const body = renderTrackingIssue(buildInput({ runs: [], control: { status: 'active', startedWaves: 10 } }));
    expect(findTickedActions(body, body.replace(/- \[ \]/g, '- [x]'))).toEqual(['pause']);
  });

  it('says why a plan has no waves', () => {
    const changeSet = buildChangeSet([{ kind: 'field.added', path: ['locale'], severity: 'non-breaking' }]);
    const plan = buildPlan([]);
    const body = renderTrackingIssue(buildInput({ changeSet, plan: { ...plan, waves: [], reason: 'no breaking change: 1 non-breaking change keep consumers working' }, runs: [], decision: undefined, unresolvable: [] }));
    expect(body).toContain('**No waves:** no breaking change');
    expect(body).not.toContain('### Waves');
  });

  it('stays under GitHub’s body limit with thousands of consumers, and keeps its marker and controls', () => {
    const many = buildConsumers('svc', 3000);
    const plan = buildPlan(many);
    const manyRuns = many.map((consumer, index) => ({ consumer: consumer.entityRef, state: index % 3 === 0 ? 'ci-failed' : 'ci-passed', prNumber: index + 1, prUrl: `https://github.com/acme/${consumer.repo.name}/pull/${index + 1}`, leftovers: index % 4 }) satisfies TrackedRun);
    const body = renderTrackingIssue(buildInput({ plan, runs: manyRuns, control: { status: 'active', startedWaves: 3 }, decision: undefined }));
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect(findTrackingIssueMarker(body)).toEqual({ migration: 'mig-7' });
    expect(body).toContain('### CI failed (1000)');
    expect(body).toContain('### CI passed (2000)');
    expect(body).toMatch(/…and \d+ more not shown/);
    expect(body).toContain('<!-- downstream:promote -->');
  });
});

describe('renderTrackingIssueTitle', () => {
  it.each([
    [buildChangeSet(), 'downstream: rolling out the user-profile v2 schema change'],
    [{ ...buildChangeSet(), toVersion: undefined }, 'downstream: rolling out the user-profile schema change'],
  ])('%#', (changeSet, title) => {
    expect(renderTrackingIssueTitle(changeSet)).toBe(title);
  });
});
