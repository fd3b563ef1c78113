import { RolloutError } from '../rollout-error.js';

/** Content-creating calls allowed per installation in any sliding minute and hour. */
export type PacingLimits = { perMinute: number; perHour: number };

/**
 * A margin under GitHub's secondary limits for content-creating requests (about 80 a minute and
 * 500 an hour, which change without notice and count the web UI too; reference/bot-ux.md §c).
 */
export const defaultPacingLimits: PacingLimits = { perMinute: 60, perHour: 400 };

/** Content-creating calls one PR costs: push, create PR, labels, reviewers, one comment. */
export const estimateCallsPerPr = 5;

/** How many calls may start now, and when there is room again if not enough may. */
export type PacingDecision = { allowed: number; retryAt?: Date };

const minute = 60_000;
const hour = 60 * minute;

// The time by which enough of the window's oldest calls have aged out to leave room for `need`.
function findRoomAt(times: readonly number[], limit: number, need: number, span: number): number | undefined {
  const excess = times.length + need - limit;
  if (excess <= 0) return undefined;
  const leaving = times[excess - 1];
  return leaving === undefined ? undefined : leaving + span;
}

/**
 * Sliding-window pacing of one installation's content-creating calls. `usage` holds the times of
 * the calls made (or reserved) in the last hour, read from the database so every worker shares
 * one budget; `retryAt` is set when fewer than `need` calls may start now.
 */
export function decidePacing(usage: readonly Date[], limits: PacingLimits, now: Date, need = 1): PacingDecision {
  if (!Number.isInteger(need) || need < 1 || need > Math.min(limits.perMinute, limits.perHour)) {
    throw new RolloutError('invalid-policy', `a batch of ${need} calls can never fit the pacing limits (${limits.perMinute}/min, ${limits.perHour}/h)`);
  }
  const at = now.getTime();
  const times = usage.map((time) => time.getTime()).filter((time) => time > at - hour).sort((a, b) => a - b);
  const lastMinute = times.filter((time) => time > at - minute);
  const allowed = Math.max(0, Math.min(limits.perMinute - lastMinute.length, limits.perHour - times.length));
  if (allowed >= need) return { allowed };
  const roomAt = Math.max(findRoomAt(lastMinute, limits.perMinute, need, minute) ?? at, findRoomAt(times, limits.perHour, need, hour) ?? at);
  return { allowed, retryAt: new Date(roomAt) };
}

/** How many PRs may open now at `estimateCallsPerPr` calls each; when none may, when one can. */
export function decidePrSlots(usage: readonly Date[], limits: PacingLimits, now: Date): { prs: number; retryAt?: Date } {
  const pacing = decidePacing(usage, limits, now, estimateCallsPerPr);
  const prs = Math.floor(pacing.allowed / estimateCallsPerPr);
  return pacing.retryAt === undefined ? { prs } : { prs, retryAt: pacing.retryAt };
}
