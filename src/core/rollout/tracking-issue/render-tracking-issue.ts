import type { ChangeSet } from '../../schema/index.js';
import { renderCampaignStatus, renderChangeSummary } from './render-campaign-header.js';
import { renderConsumerSections } from './render-consumer-sections.js';
import { renderControls } from './render-controls.js';
import { renderWaveTable } from './render-wave-table.js';
import { renderTrackingMarker } from './tracking-actions.js';
import type { TrackingIssueInput } from './tracking-issue-input.js';

// GitHub refuses bodies over 65,536 characters; keep a margin, as the PR body does.
const maxBodyLength = 60_000;

function renderLlmUsage(input: TrackingIssueInput): string {
  if (input.llmUsage === undefined) return '';
  const { promptTokens, completionTokens } = input.llmUsage;
  const total = promptTokens + completionTokens;
  return `**LLM use** for this migration: ${total.toLocaleString('en-US')} tokens (${promptTokens.toLocaleString('en-US')} prompt, ${completionTokens.toLocaleString('en-US')} completion).`;
}

function build(input: TrackingIssueInput, limit: number): string {
  return (
    [
      renderTrackingMarker(input.migrationId),
      renderChangeSummary(input),
      renderCampaignStatus(input),
      renderControls(input),
      renderWaveTable(input, Math.max(limit, 10)),
      renderConsumerSections(input, limit),
      renderLlmUsage(input),
    ]
      .filter((section) => section !== '')
      .join('\n\n') + '\n'
  );
}

/**
 * The tracking issue of one migration (Renovate's Dependency Dashboard, for a campaign): what
 * changed, the status and gate, the checkboxes that act, the waves, and every affected consumer
 * by state. Long sections are cut to stay under GitHub's body limit.
 */
export function renderTrackingIssue(input: TrackingIssueInput): string {
  let limit = input.runs.length + input.plan.optedOut.length + (input.unresolvable?.length ?? 0) + input.plan.waves.reduce((sum, wave) => sum + wave.members.length, 0);
  let body = build(input, limit);
  while (body.length > maxBodyLength && limit > 0) {
    limit = Math.floor(limit / 2);
    body = build(input, limit);
  }
  return body;
}

/** The tracking issue's title. */
export function renderTrackingIssueTitle(changeSet: ChangeSet): string {
  const version = changeSet.toVersion === undefined ? '' : ` v${changeSet.toVersion}`;
  return `downstream: rolling out the ${changeSet.dataset.name}${version} schema change`;
}
