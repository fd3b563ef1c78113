import type { ConsumerTier } from '../../catalog/index.js';
import type { RunState } from '../../runs/index.js';
import type { RolloutPlan, RolloutRepo } from '../plan/rollout-plan.js';
import type { TrackedRun } from './tracked-run.js';

/** One consumer's line on the dashboard. */
export type ConsumerRow = {
  entityRef: string;
  repo?: RolloutRepo;
  tier?: ConsumerTier;
  wave?: number;
  run?: TrackedRun;
  note?: string;
};

/** Dashboard sections, in the order they appear (Renovate's dashboard, extended with our states). */
export type SectionId = 'pending' | 'open' | 'ci-passed' | 'merged' | 'ci-failed' | 'failed' | 'needs-human' | 'held' | 'declined' | 'opted-out' | 'skipped' | 'not-affected';

/** Section headings, in display order. */
export const sectionTitles: Record<SectionId, string> = {
  pending: 'Pending',
  open: 'Open, CI running',
  'ci-passed': 'CI passed',
  merged: 'Merged',
  'ci-failed': 'CI failed',
  failed: 'Failed to patch',
  'needs-human': 'Needs a person',
  held: 'Held',
  declined: 'Declined',
  'opted-out': 'Opted out',
  skipped: 'Skipped',
  'not-affected': 'Not affected',
};

const sectionOfState: Record<RunState, SectionId> = {
  pending: 'pending',
  patching: 'pending',
  'pr-open': 'open',
  'ci-passed': 'ci-passed',
  merged: 'merged',
  'ci-failed': 'ci-failed',
  failed: 'failed',
  'needs-human': 'needs-human',
  held: 'held',
  declined: 'declined',
  skipped: 'skipped',
  'not-affected': 'not-affected',
};

function compareRows(a: ConsumerRow, b: ConsumerRow): number {
  const wave = (a.wave ?? Number.MAX_SAFE_INTEGER) - (b.wave ?? Number.MAX_SAFE_INTEGER);
  if (wave !== 0) return wave;
  const name = (row: ConsumerRow): string => (row.repo === undefined ? row.entityRef : `${row.repo.owner}/${row.repo.name}`).toLowerCase();
  return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0;
}

/**
 * Every affected consumer placed in exactly one section: wave members by their run's state (no
 * run yet → pending), opted-out consumers, unresolvable components under skipped, and runs the
 * plan does not know (listed rather than dropped).
 */
export function groupConsumers(plan: RolloutPlan, runs: readonly TrackedRun[], unresolvable: readonly { entityRef: string; reason: string }[]): Map<SectionId, ConsumerRow[]> {
  const sections = new Map<SectionId, ConsumerRow[]>();
  const add = (section: SectionId, row: ConsumerRow): void => {
    const rows = sections.get(section);
    if (rows === undefined) sections.set(section, [row]);
    else rows.push(row);
  };
  const byConsumer = new Map(runs.map((run) => [run.consumer.toLowerCase(), run]));
  const placed = new Set<string>();
  for (const wave of plan.waves) {
    for (const member of wave.members) {
      const key = member.entityRef.toLowerCase();
      const run = byConsumer.get(key);
      placed.add(key);
      const note = member.namedCanary && member.catalogTier !== 'canary' ? `canary named in .github/downstream.yml (catalog: ${member.catalogTier})` : undefined;
      add(sectionOfState[run?.state ?? 'pending'], { entityRef: member.entityRef, repo: member.repo, tier: member.tier, wave: wave.index, ...(run === undefined ? {} : { run }), ...(note === undefined ? {} : { note }) });
    }
  }
  for (const consumer of plan.optedOut) {
    placed.add(consumer.entityRef.toLowerCase());
    add('opted-out', { entityRef: consumer.entityRef, repo: consumer.repo, tier: consumer.tier, note: consumer.reason });
  }
  for (const component of unresolvable) add('skipped', { entityRef: component.entityRef, note: `cannot be reached: ${component.reason}` });
  for (const run of runs) {
    if (!placed.has(run.consumer.toLowerCase())) add(sectionOfState[run.state], { entityRef: run.consumer, run, note: 'not in the rollout plan' });
  }
  for (const rows of sections.values()) rows.sort(compareRows);
  return sections;
}
