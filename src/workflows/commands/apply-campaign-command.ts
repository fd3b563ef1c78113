import type { CommandOutcome, ParsedCommand } from '../../core/commands/index.js';
import { renderCampaignStatus } from '../../core/commands/index.js';
import { listRuns } from '../../adapters/store/index.js';
import type { Migration } from '../../adapters/store/index.js';
import { abortCampaign, pauseCampaign, requestPromote, resumeCampaign, retryFailed } from '../rollout/index.js';
import type { CampaignActionResult } from '../rollout/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';
import { confirmRename } from './confirm-rename.js';

type Command = Extract<ParsedCommand, { kind: 'command' }>;

function fromAction(result: CampaignActionResult): CommandOutcome {
  const text = `${result.message.charAt(0).toUpperCase()}${result.message.slice(1)}.`;
  return result.kind === 'done' ? { kind: 'done', text } : { kind: 'refused', reason: `${result.message}.` };
}

async function renderStatus(deps: WorkflowDeps, migration: Migration): Promise<CommandOutcome> {
  const runs = await listRuns(deps.db, { migrationId: migration.id });
  const waves = (migration.plan?.waves ?? []).map((wave) => ({ tier: wave.tier, size: wave.members.length }));
  return { kind: 'done', text: 'Here is where the campaign stands.', details: renderCampaignStatus({ dataset: migration.dataset.name, status: migration.status, startedWaves: migration.startedWaves, waves, runs }) };
}

/** Runs a permitted command on a campaign's tracking issue, through the rollout's own actions. */
export async function applyCampaignCommand(deps: WorkflowDeps, context: { migration: Migration; actor: string }, command: Command): Promise<CommandOutcome> {
  const { migration, actor } = context;
  switch (command.name) {
    case 'promote':
      return fromAction(await requestPromote(deps, migration, actor));
    case 'pause':
      return fromAction(await pauseCampaign(deps, migration, actor));
    case 'resume':
      return fromAction(await resumeCampaign(deps, migration, actor));
    case 'abort':
      return fromAction(await abortCampaign(deps, migration, actor));
    case 'retry-failed':
      return fromAction(await retryFailed(deps, migration, actor));
    case 'status':
      return renderStatus(deps, migration);
    case 'confirm-rename':
      if (command.rename === undefined) return { kind: 'invalid', problem: '`confirm-rename` needs two field names' };
      return confirmRename(deps, { migration, rename: command.rename, actor });
    case 'help':
      return { kind: 'help' };
    default:
      return { kind: 'wrong-place', command: command.name };
  }
}
