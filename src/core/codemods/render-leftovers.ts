import type { Leftover } from './transform.js';

function describeChange(leftover: Leftover): string {
  const field = leftover.change.path.join('.');
  return field === '' ? leftover.change.kind : `${leftover.change.kind} ${field}`;
}

/** Leftovers as `path:line  change  reason` lines for people, in the order given. */
export function renderLeftovers(leftovers: readonly Leftover[]): string {
  if (leftovers.length === 0) return 'No leftovers: every site was fixed.\n';
  const lines = leftovers.map((leftover) => `${leftover.path}:${leftover.line}  ${describeChange(leftover)}  ${leftover.reason}`);
  return `Leftovers (${leftovers.length}) a person must fix:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}
