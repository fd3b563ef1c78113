import { describe, expect, it } from 'vitest';
import type { CampaignControl, RolloutRun, WaveDecision } from '../index.js';
import { decideNextWave, RolloutError } from '../index.js';
import { buildConsumer, buildConsumers, buildPlan, buildRun } from '../testing/build-rollout.js';

const now = new Date('2026-03-09T15:00:00Z'); // a Monday: 16:00 in Berlin, 11:00 in New York
const minutesAgo = (minutes: number): Date => new Date(now.getTime() - minutes * 60_000);

// Wave 0: canary-01..02; wave 1: early-01..05; wave 2: general-01..03.
const consumers = [...buildConsumers('canary', 2, 'canary'), ...buildConsumers('early', 5, 'early'), ...buildConsumers('general', 3)];
const canariesGreen = [buildRun('canary-01', 'ci-passed', { greenAt: minutesAgo(90) }), buildRun('canary-02', 'merged', { greenAt: minutesAgo(120) })];

function early(states: RolloutRun['state'][], greenAt?: Date): RolloutRun[] {
  return states.map((state, index) => buildRun(`early-${String(index + 1).padStart(2, '0')}`, state, greenAt === undefined ? {} : { greenAt }));
}

type Case = { label: string; policy?: object; runs: RolloutRun[]; control?: Partial<CampaignControl>; at?: Date; expected: Partial<WaveDecision> };

const cases: Case[] = [
  // Opening the first wave: nothing to gate on yet.
  { label: 'opens wave 0 of a fresh campaign', runs: [], control: { startedWaves: 0 }, expected: { decision: 'promote', wave: 0, reason: 'opening wave 0 (canary) with 2 consumers' } },
  { label: 'holds wave 0 outside the window', policy: { window: { days: ['tue'], hours: '09:00-17:00', timezone: 'Europe/Berlin' } }, runs: [], control: { startedWaves: 0 }, expected: { decision: 'wait', wave: 0, reason: 'outside the migration window (tue 09:00-17:00 Europe/Berlin); it opens at 2026-03-10 08:00 UTC', retryAt: new Date('2026-03-10T08:00:00Z') } },
  // The gate on canaries (wave 0 opened, wave 1 next).
  { label: 'promotes when every canary is green', runs: canariesGreen, expected: { decision: 'promote', wave: 1, gatedWave: 0, reason: 'wave 0 (canary): 2 of 2 CI green, 1 merged; opening wave 1 (early) with 5 consumers' } },
  { label: 'waits while a canary PR has CI running', runs: [canariesGreen[0] as RolloutRun, buildRun('canary-02', 'pr-open')], expected: { decision: 'wait', wave: 1, gatedWave: 0, reason: 'wave 0 (canary): 1 of 2 CI green, waiting for 1' } },
  { label: 'counts a member without a run as still pending', runs: [canariesGreen[0] as RolloutRun], expected: { decision: 'wait', reason: 'wave 0 (canary): 1 of 2 CI green, waiting for 1' } },
  { label: 'halts when a canary of two fails CI (50% > 20%)', runs: [canariesGreen[0] as RolloutRun, buildRun('canary-02', 'ci-failed')], expected: { decision: 'halt', wave: 1, gatedWave: 0, reason: 'wave 0 (canary): 1 of 2 CI green, 1 failed; 50% failed, more than the 20% halt ratio: later waves stay untouched' } },
  { label: 'halts on a failed patch as on failed CI', runs: [buildRun('canary-01', 'failed'), buildRun('canary-02', 'pr-open')], expected: { decision: 'halt', reason: 'wave 0 (canary): 0 of 2 CI green, 1 failed; 50% failed, more than the 20% halt ratio: later waves stay untouched' } },
  // The gate on a wave of five (wave 1 opened, wave 2 next).
  { label: 'waits for the last of five PRs', runs: [...canariesGreen, ...early(['ci-passed', 'ci-passed', 'ci-passed', 'ci-passed', 'patching'])], control: { startedWaves: 2 }, expected: { decision: 'wait', wave: 2, gatedWave: 1, reason: 'wave 1 (early): 4 of 5 CI green, waiting for 1' } },
  { label: 'does not halt at exactly the halt ratio (1 of 5 = 20%), but the 100% gate waits', runs: early(['ci-passed', 'ci-passed', 'ci-passed', 'ci-passed', 'ci-failed']), control: { startedWaves: 2 }, expected: { decision: 'wait', reason: 'wave 1 (early): 4 of 5 CI green, 1 failed; the gate needs 5 green (100%): retry, skip or promote by hand' } },
  { label: 'halts just above the halt ratio (2 of 5 = 40%)', runs: early(['ci-passed', 'ci-passed', 'ci-passed', 'ci-failed', 'failed']), control: { startedWaves: 2 }, expected: { decision: 'halt', gatedWave: 1, reason: 'wave 1 (early): 3 of 5 CI green, 2 failed; 40% failed, more than the 20% halt ratio: later waves stay untouched' } },
  { label: 'halts early, before the rest of the wave reports', runs: early(['ci-failed', 'ci-failed', 'pr-open', 'pending', 'patching']), control: { startedWaves: 2 }, expected: { decision: 'halt', reason: 'wave 1 (early): 0 of 5 CI green, 2 failed; 40% failed, more than the 20% halt ratio: later waves stay untouched' } },
  { label: 'halts on any failure with a halt ratio of 0', policy: { haltRatio: 0 }, runs: early(['ci-passed', 'ci-passed', 'ci-passed', 'ci-passed', 'ci-failed']), control: { startedWaves: 2 }, expected: { decision: 'halt' } },
  { label: 'promotes at an 80% gate with one failure under the halt ratio', policy: { gate: { ciPassed: 0.8 } }, runs: early(['ci-passed', 'ci-passed', 'ci-passed', 'ci-passed', 'ci-failed']), control: { startedWaves: 2 }, expected: { decision: 'promote', wave: 2, reason: 'wave 1 (early): 4 of 5 CI green, 1 failed; opening wave 2 (general) with 3 consumers' } },
  { label: 'a run that needs a person is not green and holds a 100% gate', runs: early(['ci-passed', 'ci-passed', 'ci-passed', 'ci-passed', 'needs-human']), control: { startedWaves: 2 }, expected: { decision: 'wait', reason: 'wave 1 (early): 4 of 5 CI green, 1 needs a person; the gate needs 5 green (100%): retry, skip or promote by hand' } },
  { label: 'declined, held, skipped and not-affected runs leave the denominator', runs: early(['ci-passed', 'declined', 'held', 'skipped', 'not-affected']), control: { startedWaves: 2 }, expected: { decision: 'promote', reason: 'wave 1 (early): 1 of 1 CI green, 1 declined, 1 held, 1 skipped, 1 not affected; opening wave 2 (general) with 3 consumers' } },
  { label: 'a wave with nothing left to gate on passes', runs: early(['declined', 'declined', 'not-affected', 'not-affected', 'skipped']), control: { startedWaves: 2 }, expected: { decision: 'promote', reason: 'wave 1 (early): nothing to gate on (0 of 0 CI green, 2 declined, 1 skipped, 2 not affected); opening wave 2 (general) with 3 consumers' } },
  // Merged share and soak.
  { label: 'waits for the merged share', policy: { gate: { merged: 0.5 } }, runs: early(['merged', 'ci-passed', 'ci-passed', 'ci-passed', 'ci-passed']), control: { startedWaves: 2 }, expected: { decision: 'wait', reason: 'wave 1 (early): 5 of 5 CI green, 1 merged; the gate needs 3 merged (50%), waiting for 2 more' } },
  { label: 'promotes once the merged share is met', policy: { gate: { merged: 0.5 } }, runs: early(['merged', 'merged', 'merged', 'ci-passed', 'ci-passed']), control: { startedWaves: 2 }, expected: { decision: 'promote' } },
  { label: 'soaks from when the last needed run turned green', policy: { gate: { soakMinutes: 60 } }, runs: [...early(['ci-passed', 'ci-passed', 'ci-passed', 'ci-passed'], minutesAgo(200)), buildRun('early-05', 'ci-passed', { greenAt: minutesAgo(15) })], control: { startedWaves: 2 }, expected: { decision: 'wait', reason: 'wave 1 (early): 5 of 5 CI green; soaking 60 min since it went green at 2026-03-09 14:45 UTC, until 2026-03-09 15:45 UTC', retryAt: new Date('2026-03-09T15:45:00Z') } },
  { label: 'promotes once the soak has passed', policy: { gate: { soakMinutes: 60 } }, runs: early(['ci-passed', 'ci-passed', 'ci-passed', 'ci-passed', 'merged'], minutesAgo(60)), control: { startedWaves: 2 }, expected: { decision: 'promote' } },
  { label: 'at an 80% gate the soak starts with the 4th green, not the 5th', policy: { gate: { ciPassed: 0.8, soakMinutes: 30 } }, runs: [...early(['ci-passed', 'ci-passed', 'ci-passed', 'ci-passed'], minutesAgo(45)), buildRun('early-05', 'ci-passed', { greenAt: minutesAgo(1) })], control: { startedWaves: 2 }, expected: { decision: 'promote' } },
  { label: 'green runs without a time count as soaked', policy: { gate: { soakMinutes: 60 } }, runs: early(['ci-passed', 'ci-passed', 'ci-passed', 'ci-passed', 'ci-passed']), control: { startedWaves: 2 }, expected: { decision: 'promote' } },
  // The window, across zones and the DST change.
  { label: 'waits outside the window after the gate passes', policy: { window: { days: ['mon'], hours: '09:00-15:00', timezone: 'Europe/Berlin' } }, runs: canariesGreen, expected: { decision: 'wait', wave: 1, reason: 'wave 0 (canary): 2 of 2 CI green, 1 merged; outside the migration window (mon 09:00-15:00 Europe/Berlin); it opens at 2026-03-16 08:00 UTC', retryAt: new Date('2026-03-16T08:00:00Z') } },
  { label: 'promotes inside a New York window on the first Monday of EDT', policy: { window: { days: ['mon'], hours: '11:00-12:00', timezone: 'America/New_York' } }, runs: canariesGreen, expected: { decision: 'promote' } },
  { label: 'the same UTC hour a week earlier (EST) is 10:00, outside', policy: { window: { days: ['mon'], hours: '11:00-12:00', timezone: 'America/New_York' } }, runs: canariesGreen, at: new Date('2026-03-02T15:00:00Z'), expected: { decision: 'wait', retryAt: new Date('2026-03-02T16:00:00Z') } },
  // The open-PR cap.
  { label: 'waits when the next wave would pass maxOpenPrs', policy: { maxOpenPrs: 8, waveSize: 5 }, runs: [...canariesGreen, ...early(['ci-passed', 'ci-passed', 'ci-passed', 'ci-passed', 'ci-passed'])], control: { startedWaves: 2 }, expected: { decision: 'wait', wave: 2, reason: 'wave 1 (early): 5 of 5 CI green; wave 2 (general) with 3 consumers would bring open PRs from 6 past maxOpenPrs (8): waiting for PRs to merge or close' } },
  { label: 'counts a held PR as open', policy: { maxOpenPrs: 6, waveSize: 5 }, runs: [buildRun('canary-01', 'held', { heldFrom: 'ci-passed' }), ...early(['merged', 'merged', 'ci-passed', 'ci-passed', 'ci-passed'])], control: { startedWaves: 2 }, expected: { decision: 'wait' } },
  { label: 'promotes when merged PRs free the cap', policy: { maxOpenPrs: 8, waveSize: 5 }, runs: [...canariesGreen, ...early(['merged', 'merged', 'merged', 'ci-passed', 'ci-passed'])], control: { startedWaves: 2 }, expected: { decision: 'promote', wave: 2 } },
  // People's overrides and the campaign's own state.
  { label: 'a person’s promote request opens the next wave past a failing gate', runs: early(['ci-failed', 'ci-failed', 'ci-failed', 'pending', 'pending']), control: { startedWaves: 2, promoteRequested: true }, expected: { decision: 'promote', wave: 2, gatedWave: 1, reason: 'a person promoted wave 2 (general) with 3 consumers ahead of the gate' } },
  { label: 'a promote request wins over a pause and a shut window', policy: { window: { days: ['sun'] } }, runs: [], control: { status: 'paused', startedWaves: 1, promoteRequested: true }, expected: { decision: 'promote', wave: 1 } },
  { label: 'a paused campaign waits however green it is', runs: canariesGreen, control: { status: 'paused' }, expected: { decision: 'wait', wave: 1, reason: 'paused by a person: resume the campaign to open more waves' } },
  { label: 'a halted campaign stays halted until resumed, even once green', runs: canariesGreen, control: { status: 'halted' }, expected: { decision: 'halt', wave: 1, reason: 'halted (wave 0 (canary): 2 of 2 CI green, 1 merged): resume the campaign to evaluate the gate again' } },
  { label: 'an aborted campaign opens nothing, even on request', runs: canariesGreen, control: { status: 'aborted', promoteRequested: true }, expected: { decision: 'halt', reason: 'the campaign was aborted: no further wave opens' } },
  { label: 'a completed campaign is done', runs: canariesGreen, control: { status: 'completed' }, expected: { decision: 'done', reason: 'the campaign is complete' } },
  { label: 'done when every wave has opened', runs: [buildRun('general-01', 'ci-passed'), buildRun('general-02', 'ci-failed'), buildRun('general-03', 'merged')], control: { startedWaves: 3, promoteRequested: true }, expected: { decision: 'done', gatedWave: 2, reason: 'all 3 waves have opened; the last, wave 2 (general): 2 of 3 CI green, 1 failed, 1 merged' } },
];

describe('decideNextWave', () => {
  const plan = (policy: object = {}) => buildPlan(consumers, policy);

  it.each(cases)('$label', ({ policy, runs, control, at, expected }) => {
    const decision = decideNextWave(plan(policy), runs, at ?? now, { status: 'active', startedWaves: 1, ...control });
    expect(decision).toMatchObject(expected);
    if (expected.retryAt === undefined) expect(decision.retryAt).toBeUndefined();
  });

  it('is done at once for a plan without waves, with the plan’s reason', () => {
    const empty = buildPlan([buildConsumer('a', { optedOut: 'no' })]);
    expect(decideNextWave(empty, [], now, { status: 'active', startedWaves: 0 })).toEqual({ decision: 'done', reason: 'every consumer opted out (1): they are listed as affected and get no PR' });
  });

  it('returns the tally of the wave it gated, for the dashboard', () => {
    const decision = decideNextWave(plan(), canariesGreen, now, { status: 'active', startedWaves: 1 });
    expect(decision.tally).toMatchObject({ size: 2, counted: 2, green: 2, merged: 1, failed: 0 });
  });

  it.each([-1, 1.5, Number.NaN])('refuses a started-wave count of %s', (startedWaves) => {
    const attempt = () => decideNextWave(plan(), [], now, { status: 'active', startedWaves });
    expect(attempt).toThrow(RolloutError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'invalid-plan' }));
  });
});
