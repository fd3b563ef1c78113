import { ts } from 'ts-morph';
import type { Change } from '../../src/core/schema/index.js';
import type { TextEdit, Transform, TransformContext, TransformResult } from '../../src/core/codemods/index.js';
import { findReferenceSites, findRenameEdits, fromProjectPath, isIdentifierName, toProjectPath } from '../../src/core/codemods/index.js';
import type { ColumnSite } from './column-sites.js';
import { denotes, findColumnSites } from './column-sites.js';
import type { DatabaseTable } from './database-interface.js';
import { findDatabaseTables } from './database-interface.js';
import type { QueryChain, TableSite } from './find-query-chains.js';
import { findQueryChains } from './find-query-chains.js';
import { parseColumnReference } from './parse-reference.js';

const id = 'kysely';
const fieldKinds = new Set<Change['kind']>(['field.renamed', 'field.removed', 'field.suspected-rename']);

type Scope = { context: TransformContext; program: ts.Program; tables: DatabaseTable[]; chains: { path: string; sourceFile: ts.SourceFile; chain: QueryChain }[] };

function isPlainLiteral(literal: ts.StringLiteralLike, sourceFile: ts.SourceFile): boolean {
  return literal.getText(sourceFile).slice(1, -1) === literal.text;
}

function propertyKey(name: string): string {
  return isIdentifierName(name) ? name : `'${name}'`;
}

function columnEdit(site: ColumnSite, sourceFile: ts.SourceFile, column: string, newName: string): Omit<TextEdit, 'path' | 'transform' | 'change'> | undefined {
  if (site.kind === 'key') {
    const { property } = site;
    if (ts.isShorthandPropertyAssignment(property)) return { start: property.name.getStart(sourceFile), end: property.name.getStart(sourceFile), text: `${propertyKey(newName)}: ` };
    return { start: property.name.getStart(sourceFile), end: property.name.getEnd(), text: propertyKey(newName) };
  }
  if (!isPlainLiteral(site.literal, sourceFile)) return undefined;
  const start = site.literal.getStart(sourceFile) + 1 + site.reference.columnStart;
  // A selection keeps its output name, so code reading `row.user_id` from the result is unaffected.
  const text = site.selects && site.reference.alias === undefined ? `${newName} as ${column}` : newName;
  return { start, end: start + column.length, text };
}

function describeSite(change: Change, column: string): string {
  if (change.kind === 'field.suspected-rename') return `Kysely query uses \`${column}\`, which may have been renamed to \`${change.to ?? '?'}\` (heuristic); the producer must confirm it first`;
  return `Kysely query uses \`${column}\`, which the dataset no longer has`;
}

function stringsMentioning(call: ts.CallExpression, column: string): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  const word = new RegExp(`\\b${column.replace(/[$]/g, '\\$')}\\b`);
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) && word.test(node.text)) found.push(node);
    ts.forEachChild(node, visit);
  };
  call.arguments.forEach(visit);
  return found;
}

function applyFieldChange(scope: Scope, change: Change, result: TransformResult): void {
  const { context } = scope;
  const column = change.path[0] ?? '';
  const isDataset = (site: TableSite): boolean => context.datasetNames.includes(site.table);
  const renameTo = change.kind === 'field.renamed' ? change.to : undefined;
  for (const { path, sourceFile, chain } of scope.chains) {
    if (!chain.tables.some(isDataset)) continue;
    const search = findColumnSites(chain, isDataset, column, scope.tables);
    const handled = new Set<ts.Node>(search.ambiguous);
    for (const site of search.sites) {
      const node = site.kind === 'key' ? site.property : site.literal;
      handled.add(node);
      const line = context.lineAt(path, node.getStart(sourceFile));
      const edit = renameTo === undefined ? undefined : columnEdit(site, sourceFile, column, renameTo);
      if (edit !== undefined) result.edits.push({ path, ...edit, transform: id, change });
      else result.leftovers.push({ path, line, change, reason: renameTo === undefined ? describeSite(change, column) : 'a column reference with escapes; rename it by hand' });
    }
    for (const literal of search.ambiguous) {
      result.leftovers.push({ path, line: context.lineAt(path, literal.getStart(sourceFile)), change, reason: `\`${column}\` could belong to another table of this query; qualify it, then rename by hand` });
    }
    // Whatever else in the query mentions the column (an expression-builder callback, raw SQL)
    // is listed, unless it is plainly another table's column.
    for (const call of chain.calls) {
      for (const literal of stringsMentioning(call, column)) {
        if (handled.has(literal)) continue;
        const reference = parseColumnReference(literal.text);
        // `'account_id as user_id'` only names an output; `'o.user_id'` is another table's column.
        if (reference !== undefined && reference.column !== column) continue;
        const qualifier = reference?.qualifier;
        if (qualifier !== undefined && !chain.tables.some((site) => isDataset(site) && denotes(site, qualifier))) continue;
        result.leftovers.push({ path, line: context.lineAt(path, literal.getStart(sourceFile)), change, reason: `a reference to \`${column}\` in this query that the kysely transform cannot resolve` });
      }
    }
  }
  applyRowInterface(scope, change, column, result);
}

// The row interface the `DB` interface links to the dataset's table, when the engine's rules did not already find it.
function applyRowInterface(scope: Scope, change: Change, column: string, result: TransformResult): void {
  const { context } = scope;
  const known = new Set(context.rowTypes.map((rowType) => `${rowType.path}:${rowType.start}`));
  for (const table of scope.tables) {
    const declaration = table.rowDeclaration;
    if (!context.datasetNames.includes(table.name) || declaration === undefined || !ts.isInterfaceDeclaration(declaration)) continue;
    const sourceFile = declaration.getSourceFile();
    const path = fromProjectPath(sourceFile.fileName);
    if (known.has(`${path}:${declaration.name.getStart(sourceFile)}`)) continue;
    const member = declaration.members.find((candidate) => candidate.name !== undefined && (ts.isIdentifier(candidate.name) || ts.isStringLiteral(candidate.name)) && candidate.name.text === column);
    if (member?.name === undefined) continue;
    const at = { path, start: member.name.getStart(sourceFile) };
    if (change.kind === 'field.renamed' && change.to !== undefined) {
      const renamed = findRenameEdits(context, at, change.to, { transform: id, change });
      if ('edits' in renamed) result.edits.push(...renamed.edits);
      else result.leftovers.push({ path, line: context.lineAt(path, at.start), change, reason: renamed.reason });
      continue;
    }
    for (const reference of findReferenceSites(context, at)) {
      result.leftovers.push({ path: reference.path, line: context.lineAt(reference.path, reference.start), change, reason: describeSite(change, column) });
    }
  }
}

function applyDatasetRename(scope: Scope, change: Change, result: TransformResult): void {
  const oldName = change.from;
  const newName = change.to;
  if (oldName === undefined || newName === undefined) return;
  const oldShort = oldName.split('.').at(-1) ?? oldName;
  const newShort = newName.split('.').at(-1) ?? newName;
  const replacementFor = (table: string): string | undefined => (table === oldName ? newName : table === oldShort ? newShort : undefined);
  const { context } = scope;
  for (const { path, sourceFile, chain } of scope.chains) {
    for (const site of chain.tables) {
      const replacement = replacementFor(site.table);
      if (replacement === undefined || !isPlainLiteral(site.literal, sourceFile)) continue;
      const start = site.literal.getStart(sourceFile) + 1 + site.literal.text.indexOf(site.table);
      result.edits.push({ path, start, end: start + site.table.length, text: replacement, transform: id, change });
    }
    // `users.user_id` names the table itself when it has no alias.
    const unaliased = chain.tables.filter((site) => site.alias === undefined && replacementFor(site.table) !== undefined);
    if (unaliased.length === 0) continue;
    for (const call of chain.calls.slice(1)) {
      for (const literal of stringsMentioning(call, oldShort)) {
        const reference = parseColumnReference(literal.text);
        if (reference?.qualifier !== oldShort || !isPlainLiteral(literal, sourceFile)) continue;
        const start = literal.getStart(sourceFile) + 1 + reference.columnStart - oldShort.length - 1;
        result.edits.push({ path, start, end: start + oldShort.length, text: newShort, transform: id, change });
      }
    }
  }
  for (const table of scope.tables) {
    const replacement = replacementFor(table.name);
    if (replacement === undefined) continue;
    const sourceFile = table.keyNode.getSourceFile();
    const path = fromProjectPath(sourceFile.fileName);
    if (!context.files.some((file) => file.path === path)) continue;
    result.edits.push({ path, start: table.keyNode.getStart(sourceFile), end: table.keyNode.getEnd(), text: propertyKey(replacement), transform: id, change });
  }
}

function createScope(context: TransformContext): Scope | undefined {
  const program = context.project.getLanguageService().compilerObject.getProgram();
  if (program === undefined) return undefined;
  const ownFiles = program.getSourceFiles().filter((file) => !file.fileName.startsWith('/node_modules/'));
  const tables = findDatabaseTables(ownFiles, program.getTypeChecker());
  const chains: Scope['chains'] = [];
  for (const file of context.files) {
    const sourceFile = program.getSourceFile(toProjectPath(file.path));
    if (sourceFile === undefined || !/\b(selectFrom|insertInto|updateTable|deleteFrom)\b/.test(file.text)) continue;
    for (const chain of findQueryChains(sourceFile)) chains.push({ path: file.path, sourceFile, chain });
  }
  return { context, program, tables, chains };
}

/**
 * Kysely (DESIGN §3): the `DB` interface's table key and row interface, and the string column
 * references of `selectFrom/select/where/orderBy/join/values/set`, resolved per query to the
 * dataset's table and its aliases. A selection keeps its output name (`'account_id as user_id'`).
 */
export const kyselyTransform: Transform = {
  id,
  handles: (change) => (fieldKinds.has(change.kind) && change.path.length === 1) || change.kind === 'dataset.renamed',
  apply(context) {
    const result: TransformResult = { edits: [], leftovers: [] };
    const scope = createScope(context);
    if (scope === undefined) return result;
    for (const change of context.changes) {
      if (change.kind === 'dataset.renamed') applyDatasetRename(scope, change, result);
      else applyFieldChange(scope, change, result);
    }
    return result;
  },
};
