import type { RolloutWave } from '../plan/rollout-plan.js';
import type { WaveTally } from './tally-wave.js';

/** `wave 1 (early)`. */
export function nameWave(wave: RolloutWave): string {
  return `wave ${wave.index} (${wave.tier})`;
}

/** `3 of 4 CI green, 1 failed, 2 declined`: the counts a person reads first, zeros left out. */
export function describeTally(tally: WaveTally): string {
  const extras: string[] = [];
  if (tally.failed > 0) extras.push(`${tally.failed} failed`);
  if (tally.needsHuman > 0) extras.push(`${tally.needsHuman} ${tally.needsHuman === 1 ? 'needs' : 'need'} a person`);
  if (tally.merged > 0) extras.push(`${tally.merged} merged`);
  const outside = [
    [tally.declined, 'declined'],
    [tally.held, 'held'],
    [tally.skipped, 'skipped'],
    [tally.notAffected, 'not affected'],
  ] as const;
  for (const [count, label] of outside) if (count > 0) extras.push(`${count} ${label}`);
  return [`${tally.green} of ${tally.counted} CI green`, ...extras].join(', ');
}

/** `80%`, rounded to a whole percent unless that would hide the difference from the limit. */
export function formatShare(share: number): string {
  const percent = share * 100;
  return Number.isInteger(percent) ? `${percent}%` : `${percent.toFixed(1)}%`;
}

/** `2026-03-09 08:00 UTC`: the reason strings name instants in UTC so every reader agrees. */
export function formatInstant(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
