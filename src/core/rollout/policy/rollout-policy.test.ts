import { describe, expect, it } from 'vitest';
import { defaultRolloutPolicy, rolloutPolicySchema } from '../index.js';

function problems(input: unknown): string[] {
  const result = rolloutPolicySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('rolloutPolicySchema', () => {
  it('fills every default from an empty section', () => {
    expect(defaultRolloutPolicy).toEqual({
      canaries: [],
      waveSize: 25,
      canaryWaveSize: 5,
      gate: { ciPassed: 1, merged: 0, soakMinutes: 0 },
      haltRatio: 0.2,
      maxOpenPrs: 50,
      automerge: false,
    });
  });

  it('keeps a partial gate and fills the rest', () => {
    expect(rolloutPolicySchema.parse({ gate: { soakMinutes: 30 } }).gate).toEqual({ ciPassed: 1, merged: 0, soakMinutes: 30 });
  });

  it('normalises day names and keeps them in week order', () => {
    const policy = rolloutPolicySchema.parse({ window: { days: ['Friday', 'mon', 'MON', 'wed'], hours: '22:00-06:00', timezone: 'Europe/Berlin' } });
    expect(policy.window).toEqual({ days: ['mon', 'wed', 'fri'], hours: '22:00-06:00', timezone: 'Europe/Berlin' });
  });

  it('defaults a window to every day, all day, UTC', () => {
    expect(rolloutPolicySchema.parse({ window: {} }).window).toEqual({ days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], hours: '00:00-24:00', timezone: 'UTC' });
  });

  it('parses its own output again unchanged, so a stored plan validates', () => {
    const policy = rolloutPolicySchema.parse({ canaries: ['acme/a', 'component:b'], window: { days: ['tue'], hours: '9:00-17:30', timezone: 'Asia/Kolkata' } });
    expect(rolloutPolicySchema.parse(policy)).toEqual(policy);
  });

  it.each([
    ['an unknown key', { wavesize: 10 }, ': Unrecognized key: "wavesize"'],
    ['a share above 1', { gate: { ciPassed: 1.5 } }, 'gate.ciPassed: must be a share between 0 and 1 (0.8 means 80%)'],
    ['a negative halt ratio', { haltRatio: -0.1 }, 'haltRatio: must be a share between 0 and 1 (0.8 means 80%)'],
    ['a fractional wave size', { waveSize: 2.5 }, 'waveSize: Invalid input: expected int, received number'],
    ['a wave larger than the open-PR cap', { waveSize: 60 }, 'waveSize: is 60, more than maxOpenPrs (50); such a wave could never open'],
    ['a canary wave larger than the open-PR cap', { maxOpenPrs: 4, waveSize: 4 }, 'canaryWaveSize: is 5, more than maxOpenPrs (4); such a wave could never open'],
    ['a bare canary name', { canaries: ['billing'] }, 'canaries.0: "billing" is neither a repository (owner/name) nor a catalog entity ref (component:default/name)'],
    ['a day that is not one', { window: { days: ['funday'] } }, 'window.days.0: "funday" is not a day of the week (mon, tue, wed, thu, fri, sat, sun)'],
    ['a window without days', { window: { days: [] } }, 'window.days: names no day; list at least one (e.g. [mon, tue, wed, thu])'],
    ['hours that are not a range', { window: { hours: '9-5' } }, 'window.hours: "9-5" is not a range of the form HH:MM-HH:MM (e.g. 09:00-17:00)'],
    ['an hour past the day', { window: { hours: '25:00-26:00' } }, 'window.hours: "25:00-26:00" starts at 25:00, which is not a time of day (00:00 to 23:59)'],
    ['an end past midnight', { window: { hours: '09:00-24:30' } }, 'window.hours: "09:00-24:30" ends at 24:30, which is not a time of day (00:00 to 24:00)'],
    ['minutes past the hour', { window: { hours: '09:60-17:00' } }, 'window.hours: "09:60-17:00" starts at 09:60, which is not a time of day (00:00 to 23:59)'],
    ['an empty range', { window: { hours: '00:00-00:00' } }, 'window.hours: "00:00-00:00" starts and ends at the same time; write 00:00-24:00 for the whole day'],
    ['an unknown time zone', { window: { timezone: 'Mars/Olympus_Mons' } }, 'window.timezone: "Mars/Olympus_Mons" is not an IANA time zone (e.g. UTC, Europe/Berlin, America/New_York)'],
    ['a UTC offset instead of a zone', { window: { timezone: '+02:00' } }, 'window.timezone: "+02:00" is not an IANA time zone (e.g. UTC, Europe/Berlin, America/New_York)'],
  ])('rejects %s with a message naming the key', (_label, input, message) => {
    expect(problems(input)).toEqual([message]);
  });

  it.each([
    ['repository names', ['acme/billing', 'Acme/Signup.Dashboard']],
    ['entity refs with and without namespace', ['component:default/billing', 'component:billing']],
  ])('accepts canaries named by %s', (_label, canaries) => {
    expect(problems({ canaries })).toEqual([]);
  });
});
