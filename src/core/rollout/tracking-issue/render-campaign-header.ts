import { describeChangeInWords } from '../../render/index.js';
import { describeWindow } from '../window/describe-window.js';
import { formatShare } from '../gate/describe-wave.js';
import { code } from '../../render/index.js';
import type { TrackingIssueInput } from './tracking-issue-input.js';

const maxChangeLines = 20;

function renderChanges(input: TrackingIssueInput): string {
  const { changes } = input.changeSet;
  const shown = changes.filter((change) => change.severity !== 'non-breaking');
  const lines = shown.slice(0, maxChangeLines).map((change) => `- **${change.severity}** — ${describeChangeInWords(change)}`);
  if (shown.length > maxChangeLines) lines.push(`- …and ${shown.length - maxChangeLines} more breaking or to review`);
  const quiet = changes.length - shown.length;
  if (quiet > 0) lines.push(`- ${lines.length === 0 ? '' : 'and '}${quiet} non-breaking change${quiet === 1 ? '' : 's'}`);
  return lines.length === 0 ? 'No changes.' : lines.join('\n');
}

/** The heading and what changed upstream. */
export function renderChangeSummary(input: TrackingIssueInput): string {
  const { changeSet, upstream } = input;
  const physical = changeSet.dataset.physicalName ?? changeSet.dataset.name;
  const version = changeSet.toVersion === undefined ? '' : `, version ${changeSet.fromVersion ?? '?'} → ${changeSet.toVersion}`;
  return [
    `## Rolling out the ${code(changeSet.dataset.name)} schema change`,
    '',
    `The schema of ${code(changeSet.dataset.name)} (${code(physical)}${version}) changed in ${upstream.repo}@[${upstream.sha.slice(0, 7)}](${upstream.commitUrl}). downstream opens one PR per affected consumer, canaries first, one wave at a time: a wave opens only when the one before it is green in the consumers' own CI.`,
    '',
    renderChanges(input),
  ].join('\n');
}

function renderStatusLine(input: TrackingIssueInput): string {
  const { control, decision } = input;
  if (control.status === 'aborted') return '**Status:** 🛑 aborted — open PRs are closed and no further wave opens';
  if (control.status === 'completed') return '**Status:** ✅ complete';
  if (control.status === 'paused') return '**Status:** ⏸️ paused by a person — no wave opens until the campaign is resumed';
  if (decision === undefined) return control.status === 'halted' ? '**Status:** 🛑 halted' : '**Status:** ⏳ evaluating';
  const icon = { promote: '▶️ opening the next wave', wait: '⏳ waiting', halt: '🛑 halted', done: '✅ every wave has opened' }[decision.decision];
  return `**Status:** ${icon} — ${decision.reason}`;
}

/** The status, progress and gate lines under the change summary. */
export function renderCampaignStatus(input: TrackingIssueInput): string {
  const { plan, control, runs } = input;
  const { policy } = plan;
  const inWaves = plan.waves.reduce((sum, wave) => sum + wave.members.length, 0);
  const merged = runs.filter((run) => run.state === 'merged').length;
  const opened = Math.min(control.startedWaves, plan.waves.length);
  const gate = [
    `${formatShare(policy.gate.ciPassed)} CI green`,
    ...(policy.gate.merged > 0 ? [`${formatShare(policy.gate.merged)} merged`] : []),
    ...(policy.gate.soakMinutes > 0 ? [`soak ${policy.gate.soakMinutes} min`] : []),
    `halt above ${formatShare(policy.haltRatio)} failed`,
    `at most ${policy.maxOpenPrs} open PRs`,
    policy.window === undefined ? 'any time' : `window ${describeWindow(policy.window)}`,
    `automerge ${policy.automerge ? 'on' : 'off'} unless a consumer says otherwise`,
  ];
  const lines = [
    renderStatusLine(input),
    `**Progress:** ${opened} of ${plan.waves.length} wave${plan.waves.length === 1 ? '' : 's'} opened · ${inWaves} consumer${inWaves === 1 ? '' : 's'} in waves, ${plan.optedOut.length} opted out · ${merged} merged`,
    `**Gate:** ${gate.join(' · ')}`,
  ];
  if (plan.waves.length === 0 && plan.reason !== undefined) lines.push(`**No waves:** ${plan.reason}`);
  if (plan.unmatchedCanaries.length > 0) lines.push(`⚠️ Canaries named in \`.github/downstream.yml\` that match no consumer: ${plan.unmatchedCanaries.map(code).join(', ')}`);
  return lines.join('\n');
}
