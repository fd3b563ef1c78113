import { describe, expect, it } from 'vitest';
import type { MigrationWindow } from '../index.js';
import { describeWindow, findNextWindowOpening, isInMigrationWindow } from '../index.js';

const workdays: MigrationWindow['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const newYork: MigrationWindow = { days: workdays, hours: '09:00-17:00', timezone: 'America/New_York' };
const berlinNights: MigrationWindow = { days: ['fri'], hours: '22:00-06:00', timezone: 'Europe/Berlin' };
const kolkata: MigrationWindow = { days: workdays, hours: '09:30-18:00', timezone: 'Asia/Kolkata' };
const untilMidnight: MigrationWindow = { days: ['sat'], hours: '20:00-24:00', timezone: 'UTC' };

describe('isInMigrationWindow', () => {
  it.each([
    // New York is UTC-5 until 8 March 2026 and UTC-4 after: the same UTC hour falls either side of 09:00.
    ['New York, 08:30 EST on a Friday', newYork, '2026-03-06T13:30:00Z', false],
    ['New York, 09:30 EDT on a Monday after the spring change', newYork, '2026-03-09T13:30:00Z', true],
    ['New York, exactly 09:00 (start is inside)', newYork, '2026-03-09T13:00:00Z', true],
    ['New York, one minute before the start', newYork, '2026-03-09T12:59:00Z', false],
    ['New York, exactly 17:00 (end is outside)', newYork, '2026-03-09T21:00:00Z', false],
    ['New York, 16:59', newYork, '2026-03-09T20:59:00Z', true],
    ['New York, a Saturday noon', newYork, '2026-03-07T17:00:00Z', false],
    // 02:00 UTC on Saturday is still Friday 21:00 in New York: the local day decides.
    ['New York, Friday evening local while UTC says Saturday', { ...newYork, hours: '20:00-22:00' }, '2026-03-07T02:00:00Z', true],
    ['Berlin overnight, Friday 23:00', berlinNights, '2026-03-06T22:00:00Z', true],
    ['Berlin overnight, Saturday 05:59 belongs to Friday night', berlinNights, '2026-03-07T04:59:00Z', true],
    ['Berlin overnight, Saturday 06:00 has closed', berlinNights, '2026-03-07T05:00:00Z', false],
    ['Berlin overnight, Friday 05:00 belongs to Thursday night, which is not listed', berlinNights, '2026-03-06T04:00:00Z', false],
    ['Berlin overnight, Saturday 23:00 is not a Friday', berlinNights, '2026-03-07T22:00:00Z', false],
    ['Kolkata, half-hour offset, 09:30 IST', kolkata, '2026-03-09T04:00:00Z', true],
    ['Kolkata, 09:29 IST', kolkata, '2026-03-09T03:59:00Z', false],
    ['UTC until midnight, 23:59', untilMidnight, '2026-03-07T23:59:00Z', true],
    ['UTC until midnight, Sunday 00:00', untilMidnight, '2026-03-08T00:00:00Z', false],
  ] satisfies [string, MigrationWindow, string, boolean][])('%s → %s', (_label, window, now, inside) => {
    expect(isInMigrationWindow(window, new Date(now))).toBe(inside);
  });
});

describe('findNextWindowOpening', () => {
  it.each([
    ['now, when the window is open', newYork, '2026-03-09T15:00:00Z', '2026-03-09T15:00:00.000Z'],
    ['later today', newYork, '2026-03-06T13:30:00Z', '2026-03-06T14:00:00.000Z'],
    // Friday's opening is 09:00 EST (14:00Z); Monday's is 09:00 EDT (13:00Z).
    ['Monday after a weekend that crosses the spring change', newYork, '2026-03-07T12:00:00Z', '2026-03-09T13:00:00.000Z'],
    ['tonight for an overnight window', berlinNights, '2026-03-06T12:00:00Z', '2026-03-06T21:00:00.000Z'],
    ['next Friday once this one has closed', berlinNights, '2026-03-07T06:00:00Z', '2026-03-13T21:00:00.000Z'],
    ['the first minute after a DST gap that skips the start', { days: ['sun'], hours: '02:30-04:00', timezone: 'America/New_York' }, '2026-03-08T00:00:00Z', '2026-03-08T07:00:00.000Z'],
    ['the first showing of a start the autumn change repeats', { days: ['sun'], hours: '01:30-04:00', timezone: 'America/New_York' }, '2026-11-01T00:00:00Z', '2026-11-01T05:30:00.000Z'],
    ['a half-hour zone', kolkata, '2026-03-07T00:00:00Z', '2026-03-09T04:00:00.000Z'],
  ] satisfies [string, MigrationWindow, string, string][])('%s', (_label, window, now, opening) => {
    const found = findNextWindowOpening(window, new Date(now));
    expect(found?.toISOString()).toBe(opening);
    if (found !== undefined) expect(isInMigrationWindow(window, found)).toBe(true);
  });

  it('finds nothing for a window without days', () => {
    expect(findNextWindowOpening({ ...newYork, days: [] }, new Date('2026-03-09T00:00:00Z'))).toBeUndefined();
  });
});

describe('describeWindow', () => {
  it.each([
    [newYork, 'mon-fri 09:00-17:00 America/New_York'],
    [{ ...berlinNights, days: ['mon', 'wed', 'thu', 'fri', 'sun'] }, 'mon, wed-fri, sun 22:00-06:00 Europe/Berlin'],
    [{ ...untilMidnight, days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], hours: '00:00 - 24:00' }, 'every day 00:00-24:00 UTC'],
  ] satisfies [MigrationWindow, string][])('%j → %s', (window, text) => {
    expect(describeWindow(window)).toBe(text);
  });
});

describe('a window that skipped validation', () => {
  it('is refused with the key at fault', () => {
    const attempt = () => isInMigrationWindow({ ...newYork, hours: 'office hours' }, new Date('2026-03-09T15:00:00Z'));
    expect(attempt).toThrow(expect.objectContaining({ code: 'invalid-policy', message: 'rollout.window.hours: "office hours" is not a range of the form HH:MM-HH:MM (e.g. 09:00-17:00)' }));
  });
});
