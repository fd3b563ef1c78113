import { describe, expect, it } from 'vitest';
import { decidePacing, decidePrSlots, defaultPacingLimits, estimateCallsPerPr, RolloutError } from '../index.js';

const now = new Date('2026-03-09T12:00:00Z');
const secondsAgo = (seconds: number): Date => new Date(now.getTime() - seconds * 1000);
// `count` calls spread evenly, one every `every` seconds, the newest `newest` seconds ago.
function calls(count: number, every: number, newest = 0): Date[] {
  return Array.from({ length: count }, (_unused, index) => secondsAgo(newest + index * every));
}

describe('decidePacing', () => {
  it('keeps a margin under GitHub’s content-creation limits', () => {
    expect(defaultPacingLimits).toEqual({ perMinute: 60, perHour: 400 });
    expect(estimateCallsPerPr).toBeLessThanOrEqual(5);
  });

  it.each([
    ['no recent calls', [], { allowed: 60 }],
    ['calls older than an hour are forgotten', calls(500, 1, 3600), { allowed: 60 }],
    ['a call exactly an hour old has aged out', [secondsAgo(3600)], { allowed: 60 }],
    ['the minute window binds first', calls(45, 1), { allowed: 15 }],
    ['the hour window binds once the hour fills up', calls(390, 5, 61), { allowed: 10 }],
    // 60 calls in the last minute, the oldest 59 s ago: one slot frees in 1 s.
    ['a full minute frees its oldest slot first', calls(60, 1), { allowed: 0, retryAt: secondsAgo(59 - 60) }],
    // 400 calls in the hour, oldest 3,591 s ago (every 9 s from 0): room when it turns an hour old.
    ['a full hour frees its oldest slot first', calls(400, 9, 0), { allowed: 0, retryAt: new Date(secondsAgo(399 * 9).getTime() + 3_600_000) }],
    // A worker whose clock runs ahead wrote a call "in the future": it still counts.
    ['counts calls stamped slightly in the future', [new Date(now.getTime() + 2000)], { allowed: 59 }],
  ])('%s', (_label, usage, expected) => {
    expect(decidePacing(usage, defaultPacingLimits, now)).toEqual(expected);
  });

  it('waits for the later window when both are full', () => {
    // Minute frees in 30 s, but the hour is full until its oldest call ages out.
    const usage = [...calls(340, 10, 61), ...calls(60, 0.5, 0)].sort((a, b) => a.getTime() - b.getTime());
    const decision = decidePacing(usage, defaultPacingLimits, now);
    expect(decision.allowed).toBe(0);
    expect(decision.retryAt?.toISOString()).toBe(new Date(secondsAgo(61 + 339 * 10).getTime() + 3_600_000).toISOString());
  });

  it('gives a time when a batch of the size asked for fits, not just one call', () => {
    const decision = decidePacing(calls(58, 1), defaultPacingLimits, now, 5);
    // 2 free now; 3 more must age out: the third oldest is 55 s old, so in 5 s.
    expect(decision).toEqual({ allowed: 2, retryAt: secondsAgo(-5) });
  });

  it('refuses a batch that could never fit', () => {
    expect(() => decidePacing([], { perMinute: 3, perHour: 100 }, now, 5)).toThrow(RolloutError);
  });
});

describe('decidePrSlots', () => {
  it.each([
    ['an idle installation opens a dozen PRs', [], { prs: 12 }],
    ['a busy minute leaves room for two', calls(50, 1), { prs: 2 }],
    // 57 calls, the oldest 56 s old: two must age out for 5 calls of room, the second oldest in 5 s.
    ['a nearly full minute waits for a whole PR of room', calls(57, 1), { prs: 0, retryAt: secondsAgo(-5) }],
  ])('%s', (_label, usage, expected) => {
    expect(decidePrSlots(usage, defaultPacingLimits, now)).toEqual(expected);
  });
});
