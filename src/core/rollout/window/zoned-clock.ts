/** Days of the week as the migration window names them, Sunday first like `Date#getUTCDay`. */
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export type Weekday = (typeof weekdays)[number];

/** The wall clock in a time zone at one instant: the civil date, the weekday and the minute of the day. */
export type ZonedClock = { year: number; month: number; day: number; weekday: Weekday; minuteOfDay: number };

/** True when `Intl` knows the IANA time zone (or alias) named. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    // Intl throws a RangeError for an unknown zone; that is the only answer we need from it.
    return false;
  }
}

function readParts(instant: Date, timeZone: string): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

function civilWeekday(year: number, month: number, day: number): Weekday {
  return weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? 'sun';
}

/** Reads the wall clock of `timeZone` at `instant`. */
export function readZonedClock(instant: Date, timeZone: string): ZonedClock {
  const parts = readParts(instant, timeZone);
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  return { year, month, day, weekday: civilWeekday(year, month, day), minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0) };
}

const day = 86_400_000;

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instantMs: number, timeZone: string): number {
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  const parts = readParts(new Date(wholeSeconds), timeZone);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wall - wholeSeconds;
}

/**
 * The first instant at which `timeZone` shows the civil date and minute given. A wall time that a
 * DST jump skips maps to the end of the jump (the first minute that exists after it); one that a
 * DST fall-back shows twice maps to its first showing.
 */
export function findInstantOfWallTime(civil: { year: number; month: number; day: number; minuteOfDay: number }, timeZone: string): Date {
  const wall = Date.UTC(civil.year, civil.month - 1, civil.day, 0, civil.minuteOfDay);
  const guess = wall - offsetAt(wall, timeZone);
  // Zones change offset at most twice a year, so the offsets a day either side cover both sides
  // of any change near this wall time.
  const offsets = new Set([offsetAt(guess - day, timeZone), offsetAt(guess, timeZone), offsetAt(guess + day, timeZone)]);
  const candidates = [...offsets].map((offset) => wall - offset).sort((a, b) => a - b);
  const exact = candidates.find((candidate) => candidate + offsetAt(candidate, timeZone) === wall);
  if (exact !== undefined) return new Date(exact);
  // Skipped by a DST jump: the jump itself lies between the candidates; find it to the second.
  let low = candidates[0] ?? guess;
  let high = candidates.at(-1) ?? guess;
  const lowOffset = offsetAt(low, timeZone);
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (offsetAt(middle, timeZone) === lowOffset) low = middle;
    else high = middle;
  }
  return new Date(high);
}

/** The civil date `days` after the given one (calendar arithmetic, no time zone involved). */
export function addCivilDays(civil: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number; weekday: Weekday } {
  const date = new Date(Date.UTC(civil.year, civil.month - 1, civil.day + days));
  const next = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  return { ...next, weekday: civilWeekday(next.year, next.month, next.day) };
}
