import { runStates } from '../runs/index.js';
import type { RunState } from '../runs/index.js';

/** What `/downstream status` reports about a campaign. */
export type CampaignStatusInput = {
  dataset: string;
  status: string;
  startedWaves: number;
  waves: readonly { tier: string; size: number }[];
  runs: readonly { consumer: string; state: RunState; prUrl: string | null; stateReason: string | null }[];
};

function shortName(entityRef: string): string {
  return entityRef.slice(entityRef.lastIndexOf('/') + 1);
}

function describeRun(run: CampaignStatusInput['runs'][number]): string {
  const name = run.prUrl === null ? shortName(run.consumer) : `[${shortName(run.consumer)}](${run.prUrl})`;
  // Skips and failures are where people look for a reason.
  const why = (run.state === 'skipped' || run.state === 'failed' || run.state === 'declined') && run.stateReason !== null ? ` (${run.stateReason.replace(/\|/g, '\\|')})` : '';
  return `${name}${why}`;
}

/** `/downstream status`: the campaign's status, its waves, and every consumer by state. */
export function renderCampaignStatus(input: CampaignStatusInput): string {
  const opened = input.waves.slice(0, input.startedWaves).map((wave) => wave.tier);
  const waves = input.waves.length === 0
    ? 'no waves'
    : `${Math.min(input.startedWaves, input.waves.length)} of ${input.waves.length} wave${input.waves.length === 1 ? '' : 's'} open${opened.length === 0 ? '' : ` (${opened.join(', ')})`}`;
  const rows = runStates.flatMap((state) => {
    const runs = input.runs.filter((run) => run.state === state);
    return runs.length === 0 ? [] : [`| ${state} | ${runs.length} | ${runs.map(describeRun).join(', ')} |`];
  });
  return [
    `The **${input.dataset}** campaign is **${input.status}**: ${waves}.`,
    ...(rows.length === 0 ? [] : ['', '| State | Consumers | Which |', '| --- | --- | --- |', ...rows]),
  ].join('\n');
}
