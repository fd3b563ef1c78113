import type { RunState } from '../../runs/index.js';
import type { ConsumerRow, SectionId } from './consumer-sections.js';
import { groupConsumers, sectionTitles } from './consumer-sections.js';
import { code, escapeCell, renderTable } from '../../render/index.js';
import type { TrackingIssueInput } from './tracking-issue-input.js';

const ciText: Partial<Record<RunState, string>> = {
  'pr-open': '⏳ running',
  'ci-passed': '✅ passed',
  merged: '✅ passed',
  'ci-failed': '❌ failed',
};

function renderRow(row: ConsumerRow, serverUrl: string): string[] {
  const { run } = row;
  const state = run?.state === 'held' ? (run.heldFrom ?? undefined) : run?.state;
  const repo = row.repo === undefined ? '—' : `[${row.repo.owner}/${row.repo.name}](${serverUrl}/${row.repo.owner}/${row.repo.name})`;
  const pr = run?.prUrl == null ? '—' : `[${run.prNumber == null ? 'PR' : `#${run.prNumber}`}](${run.prUrl})`;
  const notes = [
    run?.state === 'patching' ? 'patching now' : undefined,
    run?.state === 'held' && state !== undefined ? `held while ${state}` : undefined,
    row.note,
    run?.stateReason ?? undefined,
  ].filter((note): note is string => note !== undefined && note !== '');
  return [
    repo,
    code(row.entityRef),
    row.tier ?? '—',
    row.wave === undefined ? '—' : String(row.wave),
    pr,
    (state === undefined ? undefined : ciText[state]) ?? '—',
    run?.leftovers == null ? '—' : String(run.leftovers),
    escapeCell(notes.join('; ')) || '—',
  ];
}

const header = ['Repository', 'Consumer', 'Tier', 'Wave', 'PR', 'CI', 'Leftovers', 'Note'];

/** Every consumer, grouped by state into dashboard sections of at most `limit` rows each. */
export function renderConsumerSections(input: TrackingIssueInput, limit: number): string {
  const sections = groupConsumers(input.plan, input.runs, input.unresolvable ?? []);
  const parts: string[] = [];
  for (const id of Object.keys(sectionTitles) as SectionId[]) {
    const rows = sections.get(id);
    if (rows === undefined || rows.length === 0) continue;
    const shown = rows.slice(0, limit);
    const more = rows.length - shown.length;
    const table = renderTable(header, shown.map((row) => renderRow(row, input.serverUrl)));
    const rest = more > 0 ? `${table === '' ? '' : '\n\n'}…and ${more} more${shown.length === 0 ? '' : ' not shown'} (the issue body has a size limit).` : '';
    parts.push(`### ${sectionTitles[id]} (${rows.length})\n\n${table}${rest}`);
  }
  return parts.join('\n\n');
}
