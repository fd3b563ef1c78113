import { tallyWave, indexRuns } from '../gate/tally-wave.js';
import type { RolloutWave } from '../plan/rollout-plan.js';
import { renderTable } from '../../render/index.js';
import type { TrackingIssueInput } from './tracking-issue-input.js';

function describeWaveState(wave: RolloutWave, input: TrackingIssueInput): string {
  const { control, decision } = input;
  if (wave.index >= control.startedWaves) return 'not started';
  if (wave.index < control.startedWaves - 1) return 'opened';
  const halted = control.status === 'halted' || decision?.decision === 'halt';
  return halted ? '🛑 halted' : 'opened, gating the next';
}

/** One row per wave with its counts; with very many waves, those around the current one. */
export function renderWaveTable(input: TrackingIssueInput, limit: number): string {
  const { plan, control } = input;
  if (plan.waves.length === 0) return '';
  const runs = indexRuns(input.runs);
  const first = Math.max(0, Math.min(control.startedWaves - 2, plan.waves.length - limit));
  const shown = plan.waves.slice(first, first + Math.max(limit, 1));
  const rows = shown.map((wave) => {
    const head = [String(wave.index), wave.tier, String(wave.members.length), describeWaveState(wave, input)];
    // A wave that has not opened has nothing to count yet.
    if (wave.index >= control.startedWaves) return [...head, '—', '—', '—', '—', '—'];
    const tally = tallyWave(wave, runs);
    return [...head, String(tally.green), String(tally.failed), String(tally.inFlight), String(tally.needsHuman), String(tally.merged)];
  });
  const before = first > 0 ? `\n\nWaves 0 to ${first - 1} are not shown.` : '';
  const afterCount = plan.waves.length - first - shown.length;
  const after = afterCount > 0 ? `\n\n…and ${afterCount} more wave${afterCount === 1 ? '' : 's'}.` : '';
  return `### Waves\n\n${renderTable(['Wave', 'Tier', 'Size', 'State', 'CI green', 'Failed', 'Pending or CI running', 'Needs a person', 'Merged'], rows)}${before}${after}`;
}
