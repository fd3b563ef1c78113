import { z } from 'zod';
import { parseHourRange } from '../window/hour-range.js';
import { isKnownTimeZone, weekdays } from '../window/zoned-clock.js';
import type { Weekday } from '../window/zoned-clock.js';

const fullDayNames: Record<string, Weekday> = {
  sunday: 'sun', monday: 'mon', tuesday: 'tue', wednesday: 'wed', thursday: 'thu', friday: 'fri', saturday: 'sat',
};

// People write `Mon`, `monday` or `mon`; the policy keeps one spelling.
const weekdaySchema = z.string().transform((text, context): Weekday => {
  const lower = text.trim().toLowerCase();
  const day = weekdays.find((name) => name === lower) ?? fullDayNames[lower];
  if (day !== undefined) return day;
  context.addIssue({ code: 'custom', message: `"${text}" is not a day of the week (mon, tue, wed, thu, fri, sat, sun)` });
  return z.NEVER;
});

const hoursSchema = z.string().superRefine((text, context) => {
  const parsed = parseHourRange(text);
  if ('problem' in parsed) context.addIssue({ code: 'custom', message: parsed.problem });
});

const timezoneSchema = z.string().refine(isKnownTimeZone, {
  error: (issue) => `"${String(issue.input)}" is not an IANA time zone (e.g. UTC, Europe/Berlin, America/New_York)`,
});

/** The `rollout.window` section: days, `HH:MM-HH:MM` hours and an IANA time zone (defaults: every day, all day, UTC). */
export const migrationWindowSchema = z.strictObject({
  days: z
    .array(weekdaySchema)
    .min(1, { error: 'names no day; list at least one (e.g. [mon, tue, wed, thu])' })
    .transform((days) => weekdays.filter((day) => days.includes(day)))
    .default([...weekdays]),
  hours: hoursSchema.default('00:00-24:00'),
  timezone: timezoneSchema.default('UTC'),
});
