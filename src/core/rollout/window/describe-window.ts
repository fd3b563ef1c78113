import type { MigrationWindow } from './migration-window.js';
import { weekdays } from './zoned-clock.js';

// Monday first, the way people read a working week.
const weekOrder = [...weekdays.slice(1), weekdays[0]];

function describeDays(days: readonly string[]): string {
  if (days.length === weekdays.length) return 'every day';
  const runs: string[][] = [];
  for (const day of weekOrder) {
    if (!days.includes(day)) continue;
    const last = runs.at(-1);
    const previous = weekOrder[weekOrder.indexOf(day) - 1];
    if (last !== undefined && last.at(-1) === previous) last.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length > 2 ? `${run[0]}-${run.at(-1)}` : run.join(', '))).join(', ');
}

/** `mon-fri 09:00-17:00 Europe/Berlin`: the window as a person wrote it. */
export function describeWindow(window: MigrationWindow): string {
  return `${describeDays(window.days)} ${window.hours.replace(/\s+/g, '')} ${window.timezone}`;
}
