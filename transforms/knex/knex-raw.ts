import { ts } from 'ts-morph';
import type { SqlChange } from '../../src/core/sql/index.js';
import { planSqlRewrite } from '../../src/core/sql/index.js';
import type { KnexScope } from './knex-scope.js';
import { leaveAt } from './knex-scope.js';

function escapeFor(text: string, quote: string): string {
  return text.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
}

/**
 * Raw SQL inside the chain (`whereRaw('lower(user_email) = ?')`, `select(knex.raw('…'))`): a fragment
 * read in a scope where the dataset is a source under its alias or table name.
 */
export function planRawFragment(scope: KnexScope, argument: ts.Node | undefined, kind: 'expression' | 'select-list'): void {
  if (argument === undefined) return;
  const literal = ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument) ? argument : undefined;
  const columnChanges = scope.changes.filter((entry): entry is { sql: Exclude<SqlChange, { kind: 'table-moved' }>; source: (typeof entry)['source'] } => entry.sql.kind !== 'table-moved');
  if (literal === undefined) {
    const text = argument.getText(scope.sourceFile);
    for (const { sql, source } of columnChanges) {
      if (new RegExp(`\\b${sql.column}\\b`, 'i').test(text)) leaveAt(scope, argument, source, `raw SQL built at run time here mentions ${sql.column}; check it by hand`);
    }
    return;
  }
  const raw = literal.getText(scope.sourceFile);
  const plain = raw.slice(1, -1) === literal.text;
  const qualifiers = scope.dataset.alias !== undefined ? [scope.dataset.alias] : [scope.dataset.parts.at(-1) ?? '', scope.dataset.parts.join('.')];
  const plan = planSqlRewrite({
    text: literal.text,
    tables: [],
    changes: columnChanges.map((entry) => entry.sql),
    fragment: { kind, qualifiers, otherSources: scope.joined },
    outputNames: scope.followRows ? 'follow' : 'keep',
  });
  const start = literal.getStart(scope.sourceFile) + 1;
  for (const edit of plan.edits) {
    const source = columnChanges[edit.change]?.source;
    if (source === undefined) continue;
    if (!plain) leaveAt(scope, literal, source, 'raw SQL written with escape sequences; edit it by hand');
    else scope.edits.push({ path: scope.path, start: start + edit.start, end: start + edit.end, text: escapeFor(edit.text, raw[0] ?? "'"), transform: scope.transform, change: source });
  }
  for (const leftover of plan.leftovers) {
    const source = columnChanges[leftover.change]?.source;
    if (source !== undefined) leaveAt(scope, literal, source, leftover.reason);
  }
  const moved = scope.changes.find((entry) => entry.sql.kind === 'table-moved');
  const short = scope.dataset.parts.at(-1) ?? '';
  if (moved !== undefined && scope.dataset.alias === undefined && new RegExp(`\\b${short}\\.`, 'i').test(literal.text)) {
    leaveAt(scope, literal, moved.source, `raw SQL qualifies columns with the table's old name ${short}; change it by hand`);
  }
}
