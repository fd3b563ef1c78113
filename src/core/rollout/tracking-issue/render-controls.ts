import { nameWave } from '../gate/describe-wave.js';
import { renderActionBox } from './tracking-actions.js';
import type { TrackingIssueInput } from './tracking-issue-input.js';

/** The checkboxes that apply now (promote, retry failed, pause or resume) and how to abort. */
export function renderControls(input: TrackingIssueInput): string {
  const { plan, control, runs } = input;
  if (control.status === 'aborted' || control.status === 'completed' || plan.waves.length === 0) return '';
  const boxes: string[] = [];
  const next = plan.waves[control.startedWaves];
  if (next !== undefined) boxes.push(renderActionBox('promote', `Promote the next wave now: ${nameWave(next)}, ${next.members.length} consumer${next.members.length === 1 ? '' : 's'}, ahead of the gate`));
  const failed = runs.filter((run) => run.state === 'failed' || run.state === 'ci-failed').length;
  if (failed > 0) boxes.push(renderActionBox('retry-failed', `Retry the ${failed} failed consumer${failed === 1 ? '' : 's'} (patching or CI)`));
  if (control.status === 'active') boxes.push(renderActionBox('pause', 'Pause the campaign: no new wave opens, open PRs stay'));
  else boxes.push(renderActionBox('resume', control.status === 'halted' ? 'Resume the campaign and evaluate the gate again' : 'Resume the campaign'));
  return ['### Controls', '', ...boxes, '', 'To abort, close this issue or comment `/downstream abort`: open PRs are closed and their branches deleted.'].join('\n');
}
