import { RolloutError } from '../rollout-error.js';
import { parseHourRange } from './hour-range.js';
import type { HourRange } from './hour-range.js';
import type { MigrationWindow } from './migration-window.js';
import { addCivilDays, findInstantOfWallTime, readZonedClock } from './zoned-clock.js';

function getRangeOrThrow(window: MigrationWindow): HourRange {
  const parsed = parseHourRange(window.hours);
  if ('problem' in parsed) throw new RolloutError('invalid-policy', `rollout.window.hours: ${parsed.problem}`);
  return parsed.range;
}

/**
 * True when `now` falls inside the window, read on the wall clock of the window's time zone. A
 * range past midnight belongs to the day it starts on: `fri 22:00-06:00` covers Saturday 03:00.
 */
export function isInMigrationWindow(window: MigrationWindow, now: Date): boolean {
  const { start, end } = getRangeOrThrow(window);
  const clock = readZonedClock(now, window.timezone);
  const today = window.days.includes(clock.weekday);
  if (start < end) return today && clock.minuteOfDay >= start && clock.minuteOfDay < end;
  const yesterday = window.days.includes(addCivilDays(clock, -1).weekday);
  return (today && clock.minuteOfDay >= start) || (yesterday && clock.minuteOfDay < end);
}

/** The next instant the window opens, `now` itself when it is open; undefined only for a window without days. */
export function findNextWindowOpening(window: MigrationWindow, now: Date): Date | undefined {
  if (isInMigrationWindow(window, now)) return now;
  const { start } = getRangeOrThrow(window);
  const clock = readZonedClock(now, window.timezone);
  // Eight days reach the same weekday next week even when today's opening has passed.
  for (let offset = 0; offset <= 7; offset += 1) {
    const date = addCivilDays(clock, offset);
    if (!window.days.includes(date.weekday)) continue;
    const opening = findInstantOfWallTime({ ...date, minuteOfDay: start }, window.timezone);
    if (opening.getTime() > now.getTime()) return opening;
  }
  return undefined;
}
