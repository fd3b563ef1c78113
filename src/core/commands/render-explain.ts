import type { Change, ChangeSet } from '../schema/index.js';
import { describeChangeInWords } from '../render/index.js';

/** What a run's last patch did, as the store keeps it (`RunPatch`): edits name the changes they were made for. */
export type ExplainPatch = {
  edits: readonly { path: string; transform: string; author: 'codemod' | 'llm'; changes: readonly string[] }[];
  leftovers: readonly { path: string; line: number; change: Change; reason: string }[];
  verification: { typecheck: 'passed' | 'failed' | 'skipped'; command?: { command: string; status: 'passed' | 'failed' | 'skipped'; detail?: string } };
};

/** How a stored patch names the change an edit was made for: `field.renamed user_email` (the patch summary's key). */
export function explainChangeKey(change: Pick<Change, 'kind' | 'path'>): string {
  return `${change.kind} ${change.path.length === 0 ? '(dataset)' : change.path.join('.')}`;
}

function renderEdits(edits: ExplainPatch['edits']): string[] {
  const byTransform = new Map<string, string[]>();
  for (const edit of edits) {
    const label = edit.author === 'llm' ? `${edit.transform} (LLM, verified)` : edit.transform;
    byTransform.set(label, [...(byTransform.get(label) ?? []), edit.path]);
  }
  return [...byTransform].map(([transform, paths]) => `  - \`${transform}\`: ${[...new Set(paths)].sort().map((file) => `\`${file}\``).join(', ')}`);
}

function renderVerification(verification: ExplainPatch['verification']): string {
  const command = verification.command === undefined ? '' : `; \`${verification.command.command}\` ${verification.command.status}${verification.command.detail === undefined ? '' : ` (${verification.command.detail})`}`;
  return `Verification: type-check ${verification.typecheck}${command}.`;
}

/**
 * `/downstream explain`: each upstream change, the edits made for it grouped by transform, and the
 * sites left for a person — from the run's stored patch, so it says what this PR really contains.
 */
export function renderExplain(input: { changeSet: ChangeSet; patch: ExplainPatch | null }): string {
  const { patch } = input;
  if (patch === null) return 'downstream has not patched this consumer yet, so there is nothing to explain.';
  const sections: string[] = [];
  const explained = new Set<string>();
  for (const change of input.changeSet.changes) {
    const key = explainChangeKey(change);
    const edits = patch.edits.filter((edit) => edit.changes.includes(key));
    const leftovers = patch.leftovers.filter((leftover) => explainChangeKey(leftover.change) === key);
    if (edits.length === 0 && leftovers.length === 0 && change.severity === 'non-breaking') continue;
    explained.add(key);
    const lines = [`- **${describeChangeInWords(change)}** (${change.severity}${change.evidence === undefined ? '' : `, ${change.evidence}`})`];
    if (edits.length === 0 && leftovers.length === 0) lines.push('  - nothing in this repository needed a change for it');
    lines.push(...renderEdits(edits));
    for (const leftover of leftovers) lines.push(`  - left for a person: \`${leftover.path}:${leftover.line}\` — ${leftover.reason}`);
    sections.push(lines.join('\n'));
  }
  const other = patch.edits.filter((edit) => edit.changes.every((key) => !explained.has(key)));
  if (other.length > 0) sections.push(['- **other edits**', ...renderEdits(other)].join('\n'));
  const files = new Set(patch.edits.map((edit) => edit.path)).size;
  return [
    `This PR makes ${files} file${files === 1 ? '' : 's'} follow ${input.changeSet.dataset.name}’s schema change:`,
    '',
    ...sections,
    '',
    renderVerification(patch.verification),
  ].join('\n');
}
