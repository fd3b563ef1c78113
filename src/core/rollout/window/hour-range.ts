/** A daily time range in minutes after midnight; `end < start` means it runs past midnight. */
export type HourRange = { start: number; end: number };

const rangePattern = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/;

function toMinutes(hours: string, minutes: string): number {
  return Number(hours) * 60 + Number(minutes);
}

/** Reads `HH:MM-HH:MM` (end may be `24:00`); says what is wrong when it is not a usable range. */
export function parseHourRange(text: string): { range: HourRange } | { problem: string } {
  const match = rangePattern.exec(text);
  if (match === null) return { problem: `"${text}" is not a range of the form HH:MM-HH:MM (e.g. 09:00-17:00)` };
  const [, startHours = '', startMinutes = '', endHours = '', endMinutes = ''] = match;
  const start = toMinutes(startHours, startMinutes);
  const end = toMinutes(endHours, endMinutes);
  if (Number(startHours) > 23 || Number(startMinutes) > 59) return { problem: `"${text}" starts at ${startHours}:${startMinutes}, which is not a time of day (00:00 to 23:59)` };
  const endIsMidnight = end === 24 * 60;
  if (!endIsMidnight && (Number(endHours) > 23 || Number(endMinutes) > 59)) return { problem: `"${text}" ends at ${endHours}:${endMinutes}, which is not a time of day (00:00 to 24:00)` };
  if (start === end) return { problem: `"${text}" starts and ends at the same time; write 00:00-24:00 for the whole day` };
  return { range: { start, end } };
}

/** `09:00`, for reasons and messages. */
export function formatMinuteOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
