import type { ts } from 'ts-morph';
import type { Change } from '../../src/core/schema/index.js';
import type { Transform, TransformContext, TransformResult } from '../../src/core/codemods/index.js';
import { findReferenceSites, toProjectPath } from '../../src/core/codemods/index.js';
import type { DrizzleColumn, DrizzleTable } from './find-tables.js';
import { findDrizzleTables } from './find-tables.js';

const id = 'drizzle';
const handledKinds = new Set<Change['kind']>(['field.renamed', 'field.removed', 'field.suspected-rename', 'field.type-changed', 'dataset.renamed']);

type Located = { path: string; sourceFile: ts.SourceFile; table: DrizzleTable };

function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

function qualifiedName(table: DrizzleTable): string {
  return table.schema === undefined ? table.nameLiteral.text : `${table.schema}.${table.nameLiteral.text}`;
}

function isDatasetTable(table: DrizzleTable, names: readonly string[]): boolean {
  return names.includes(qualifiedName(table)) || (table.schema === undefined && names.includes(table.nameLiteral.text));
}

function columnName(column: DrizzleColumn): string {
  return column.nameLiteral?.text ?? column.key;
}

function literalContent(literal: ts.StringLiteralLike, sourceFile: ts.SourceFile): { start: number; end: number } {
  return { start: literal.getStart(sourceFile) + 1, end: literal.getEnd() - 1 };
}

function describe(change: Change, column: string): string {
  switch (change.kind) {
    case 'field.removed':
      return `drizzle column \`${column}\` no longer exists in the dataset; remove it and its uses by hand`;
    case 'field.suspected-rename':
      return `drizzle column \`${column}\` may have been renamed to \`${change.to ?? '?'}\` (heuristic); the producer must confirm it first`;
    default:
      return `drizzle column \`${column}\` changed type from \`${change.from ?? '?'}\` to \`${change.to ?? '?'}\`; pick the column builder for it by hand`;
  }
}

function applyColumnChange(context: TransformContext, located: Located, change: Change, result: TransformResult): void {
  const { path, sourceFile, table } = located;
  const column = table.columns.find((candidate) => columnName(candidate) === change.path[0]);
  if (column === undefined) return;
  if (change.kind === 'field.renamed' && change.to !== undefined) {
    // The TypeScript key stays, so `users.userId` and inferred row types keep working; only the column name moves.
    if (column.nameLiteral !== undefined) {
      result.edits.push({ path, ...literalContent(column.nameLiteral, sourceFile), text: change.to, transform: id, change });
    } else {
      const first = column.builder.arguments[0];
      const at = first === undefined ? column.builder.arguments.pos : first.getStart(sourceFile);
      result.edits.push({ path, start: at, end: at, text: first === undefined ? `'${change.to}'` : `'${change.to}', `, transform: id, change });
    }
    return;
  }
  const line = context.lineAt(path, column.property.getStart(sourceFile));
  result.leftovers.push({ path, line, change, reason: describe(change, columnName(column)) });
  if (change.kind === 'field.type-changed') return;
  for (const reference of findReferenceSites(context, { path, start: column.property.name.getStart(sourceFile) })) {
    if (reference.isDefinition) continue;
    result.leftovers.push({ path: reference.path, line: context.lineAt(reference.path, reference.start), change, reason: `uses drizzle column \`${columnName(column)}\` (as \`${column.key}\`), which the dataset no longer has in this form` });
  }
}

function applyDatasetRename(context: TransformContext, located: Located, change: Change, result: TransformResult): void {
  const { path, sourceFile, table } = located;
  const from = change.from ?? '';
  const to = change.to ?? '';
  const [fromSchema, fromTable] = from.includes('.') ? [from.slice(0, from.lastIndexOf('.')), from.slice(from.lastIndexOf('.') + 1)] : [undefined, from];
  const [toSchema, toTable] = to.includes('.') ? [to.slice(0, to.lastIndexOf('.')), to.slice(to.lastIndexOf('.') + 1)] : [undefined, to];
  if (table.nameLiteral.text !== fromTable && table.nameLiteral.text !== from) return;
  // `crm.users_v1` is another table than `analytics.users_v1`.
  if (table.schema !== undefined && fromSchema !== undefined && table.schema !== fromSchema) return;
  if (table.schema !== undefined && toSchema !== fromSchema) {
    result.leftovers.push({ path, line: context.lineAt(path, table.nameLiteral.getStart(sourceFile)), change, reason: `the table moved to schema \`${toSchema ?? '?'}\`; declare it under that schema by hand` });
    return;
  }
  const text = table.nameLiteral.text === from ? to : toTable;
  result.edits.push({ path, ...literalContent(table.nameLiteral, sourceFile), text, transform: id, change });
}

/**
 * Drizzle (DESIGN §3): tables declared with `pgTable('name', { key: text('column') })` (and the
 * mysql, sqlite and `pgSchema(…).table` forms). A rename changes the column name string and keeps
 * the TypeScript key; a table move changes the table name; removals and type changes are listed.
 */
export const drizzleTransform: Transform = {
  id,
  handles: (change) => handledKinds.has(change.kind) && (change.kind === 'dataset.renamed' || change.path.length === 1),
  // Code reads a column through its TypeScript key, by convention the camel-cased column name.
  tokens: (change) => (change.path.length === 1 ? [camelCase(change.path[0] ?? '')] : []),
  apply(context) {
    const result: TransformResult = { edits: [], leftovers: [] };
    const program = context.project.getLanguageService().compilerObject.getProgram();
    if (program === undefined) return result;
    const checker = program.getTypeChecker();
    const located: Located[] = [];
    for (const file of context.files) {
      if (!/\b(pgTable|mysqlTable|sqliteTable|singlestoreTable|\.table)\(/.test(file.text)) continue;
      const sourceFile = program.getSourceFile(toProjectPath(file.path));
      if (sourceFile === undefined) continue;
      for (const table of findDrizzleTables(sourceFile, checker)) located.push({ path: file.path, sourceFile, table });
    }
    for (const change of context.changes) {
      for (const entry of located) {
        if (change.kind === 'dataset.renamed') applyDatasetRename(context, entry, change, result);
        else if (isDatasetTable(entry.table, context.datasetNames)) applyColumnChange(context, entry, change, result);
      }
    }
    return result;
  },
};
