import { ts } from 'ts-morph';
import type { Change } from '../../src/core/schema/index.js';
import type { SqlChange } from '../../src/core/sql/index.js';
import { planMovedReference } from '../../src/core/sql/index.js';
import type { KnexScope } from './knex-scope.js';
import { datasetQualifier, leaveAt, resolveKnexQualifier } from './knex-scope.js';
import { parseKnexColumn } from './parse-knex-name.js';

/** What happened to a column, for a leftover's reason. */
export function describeColumnChange(sql: Exclude<SqlChange, { kind: 'table-moved' }>): string {
  if (sql.kind === 'column-renamed') return `was renamed to ${sql.to}`;
  if (sql.kind === 'column-removed') return 'was removed';
  return `may have been renamed to ${sql.to} (unconfirmed)`;
}

function describe(change: Change, column: string): string {
  if (change.kind === 'field.removed') return `${column} was removed from the dataset but this knex query still uses it`;
  return `${column} looks renamed to ${change.to ?? '?'}, but the producer has not confirmed the rename: confirm it to patch this`;
}

function isPlain(literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, sourceFile: ts.SourceFile): boolean {
  return literal.getText(sourceFile).slice(1, -1) === literal.text;
}

function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

/**
 * A string naming a column (`'user_email'`, `'u.user_email as e'`) or a star. A projection
 * (`select`, `returning`) keeps its output name with ` as <old>` unless the rows follow the rename.
 */
export function planColumnLiteral(scope: KnexScope, literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, projection: boolean): void {
  const parsed = parseKnexColumn(literal.text);
  if (parsed === undefined) return;
  const owner = parsed.qualifier.length === 0 ? 'dataset' : resolveKnexQualifier(scope, parsed.qualifier);
  if (owner !== 'dataset') return;
  const contentStart = literal.getStart(scope.sourceFile) + 1;
  const plain = isPlain(literal, scope.sourceFile);
  for (const { sql, source } of scope.changes) {
    if (sql.kind === 'table-moved') {
      // `users_v1.id` names the table itself, which moves.
      if (parsed.qualifier.length === 0 || scope.dataset.alias !== undefined || scope.dataset.matched === undefined || !plain) continue;
      const moved = planMovedReference(parsed.qualifier, scope.dataset.matched, scope.movedTo ?? []).join('.');
      scope.edits.push({ path: scope.path, start: contentStart + parsed.columnStart - parsed.qualifier.join('.').length - 1, end: contentStart + parsed.columnStart - 1, text: moved, transform: scope.transform, change: source });
      continue;
    }
    if (parsed.star) {
      if (!scope.typedRows && projection) leaveAt(scope, literal, source, `this knex query selects every column of the dataset, and ${sql.column} ${describeColumnChange(sql)}: check the code that reads these rows`);
      continue;
    }
    if (parsed.column.toLowerCase() !== sql.column.toLowerCase()) continue;
    if (sql.kind !== 'column-renamed') {
      leaveAt(scope, literal, source, describe(source, sql.column));
      continue;
    }
    if (!plain) {
      leaveAt(scope, literal, source, 'a column name written with escape sequences; rename it by hand');
      continue;
    }
    const qualify = parsed.qualifier.length === 0 && scope.joined ? `${datasetQualifier(scope)}.` : '';
    const keepName = projection && parsed.alias === undefined && !scope.followRows ? ` as ${parsed.column}` : '';
    const start = contentStart + parsed.columnStart;
    scope.edits.push({ path: scope.path, start, end: start + parsed.column.length, text: `${qualify}${sql.to}${keepName}`, transform: scope.transform, change: source });
  }
}

/** An object key naming a column (`where({ user_email })`, `insert({ user_email: x })`). */
export function planColumnKey(scope: KnexScope, property: ts.ObjectLiteralElementLike): void {
  if (ts.isPropertyAssignment(property) && (ts.isStringLiteral(property.name) || ts.isNoSubstitutionTemplateLiteral(property.name))) {
    planColumnLiteral(scope, property.name, false);
    return;
  }
  const name = ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
  if (name === undefined || !ts.isIdentifier(name)) {
    for (const { sql, source } of scope.changes) {
      if (sql.kind !== 'table-moved') leaveAt(scope, property, source, `an object whose keys are only known at run time is written to the dataset; make sure it does not use ${sql.column}`);
    }
    return;
  }
  for (const { sql, source } of scope.changes) {
    if (sql.kind === 'table-moved' || name.text.toLowerCase() !== sql.column.toLowerCase()) continue;
    if (sql.kind !== 'column-renamed') {
      leaveAt(scope, property, source, describe(source, sql.column));
      continue;
    }
    const key = isIdentifierName(sql.to) ? sql.to : `'${sql.to}'`;
    const start = name.getStart(scope.sourceFile);
    if (ts.isShorthandPropertyAssignment(property)) scope.edits.push({ path: scope.path, start, end: start, text: `${key}: `, transform: scope.transform, change: source });
    else scope.edits.push({ path: scope.path, start, end: name.getEnd(), text: key, transform: scope.transform, change: source });
  }
}

/** A column position holding an expression we cannot read (a variable, a template with `${…}`). */
export function planDynamicColumn(scope: KnexScope, node: ts.Node): void {
  for (const { sql, source } of scope.changes) {
    if (sql.kind !== 'table-moved') leaveAt(scope, node, source, `a column name chosen at run time here may be ${sql.column}, which ${describeColumnChange(sql)}`);
  }
}
