import type { MigrationResult } from '../core/codemods/index.js';
import type { PrBodyInput } from '../core/render/index.js';
import type { RunPatch } from '../adapters/store/index.js';
import type { Change } from '../core/schema/index.js';
import type { VerifyCommandResult } from '../adapters/verify/index.js';

/** How a stored patch names the change an edit was made for: `field.renamed user_email`. */
export function patchChangeKey(change: Pick<Change, 'kind' | 'path'>): string {
  return `${change.kind} ${change.path.length === 0 ? '(dataset)' : change.path.join('.')}`;
}

/** The consumer's own verify command, as the PR body and the stored patch report it. */
export type CommandVerification = NonNullable<PrBodyInput['verification']['command']>;

/** What `migrate` did, in the shape the store keeps for `/downstream explain` and the PR body. */
export function summarisePatch(result: MigrationResult, command: CommandVerification | undefined): RunPatch {
  const edits = result.edits.flatMap((edit) => {
    const byTransform = new Map<string, Set<string>>();
    for (const text of edit.edits) {
      const changes = byTransform.get(text.transform) ?? new Set<string>();
      changes.add(patchChangeKey(text.change));
      byTransform.set(text.transform, changes);
    }
    return [...byTransform].map(([transform, changes]) => ({ path: edit.path, transform, author: 'codemod' as const, changes: [...changes].sort() }));
  });
  return {
    edits,
    leftovers: result.leftovers.map((leftover) => ({ path: leftover.path, line: leftover.line, change: leftover.change, reason: leftover.reason })),
    verification: { typecheck: result.verified.status === 'skipped' ? 'skipped' : 'passed', ...(command === undefined ? {} : { command }) },
  };
}

/** A verify command's result for the PR body: passed with its duration, or why it did not. */
export function describeCommandResult(command: string, result: VerifyCommandResult): CommandVerification | { failed: string } {
  if (result.status === 'passed') return { command, status: 'passed', detail: `${Math.round(result.durationMs / 1000)} s` };
  const tail = result.output.split('\n').slice(-5).join(' / ');
  return { failed: `verify command \`${command}\` ${result.status === 'timed-out' ? 'timed out' : `failed (exit ${result.exitCode ?? '?'})`}: ${tail}` };
}
