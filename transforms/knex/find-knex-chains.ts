import { ts } from 'ts-morph';
import { findDatasetName, splitTableName } from '../../src/core/sql/index.js';
import type { KnexTableName } from './parse-knex-name.js';
import { parseKnexTable } from './parse-knex-name.js';
import { isKnexMethod, joinMethods, tableMethods } from './knex-methods.js';

/** A table a chain reads or writes, and where its name is written. */
export type KnexTable = KnexTableName & {
  /** The string holding the name (`'users as u'`), or an object key's value (`{ u: 'users' }`). */
  literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
  /** The dataset name it matched, when it is the dataset. */
  matched?: readonly string[];
  /** Schema parts from `.withSchema()`, which the name is resolved under. */
  schema: string[];
};

/** A knex builder chain: `knex('users as u').join(…).where(…).select(…)`, root first. */
export type KnexChain = { calls: { name: string; call: ts.CallExpression }[]; tables: KnexTable[]; root: ts.CallExpression };

function isPlainString(node: ts.Node | undefined, sourceFile: ts.SourceFile): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.getText(sourceFile).slice(1, -1) === node.text;
}

function callName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

// The names a knex instance goes by when it is called with a table: `knex('users')`, `this.db('users')`.
const instanceNames = /^(knex|db|trx|tx|k|qb|database|connection|conn|client|pg|mysql|builder|transaction|query)$/i;
// Methods of other query builders (Kysely, Drizzle) whose chains look alike but are theirs.
const foreignMethods = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto', 'selectAll', 'execute', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'values', 'set']);

/** Whether the root call names a table the way knex is called: an instance called with a table. */
function isBuilderCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name !== undefined && instanceNames.test(name);
}

/** Whether the root is a method of a knex instance: `knex.from(…)`, `this.db.insert(…)`. */
function isInstanceMethod(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const target = callee.expression;
  const name = ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : undefined;
  return name !== undefined && instanceNames.test(name);
}

/** The calls of the chain ending at `tip`, root first: `a(…).b(…).c(…)`. */
function unwindChain(tip: ts.CallExpression): { name: string; call: ts.CallExpression }[] {
  const calls: { name: string; call: ts.CallExpression }[] = [];
  let current: ts.Expression = tip;
  while (ts.isCallExpression(current)) {
    calls.unshift({ name: callName(current) ?? '', call: current });
    const callee: ts.Expression = current.expression;
    if (!ts.isPropertyAccessExpression(callee)) break;
    current = callee.expression;
  }
  return calls;
}

function tableFrom(argument: ts.Node | undefined, schema: string[], sourceFile: ts.SourceFile, names: readonly (readonly string[])[]): KnexTable[] {
  const found: KnexTable[] = [];
  const add = (literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, alias: string | undefined): void => {
    const parsed = parseKnexTable(literal.text);
    if (parsed === undefined) return;
    const table: KnexTable = { ...parsed, literal, schema };
    if (alias !== undefined) table.alias = alias;
    const matched = findDatasetName([...schema, ...parsed.parts], names);
    if (matched !== undefined) table.matched = matched;
    found.push(table);
  };
  if (isPlainString(argument, sourceFile)) add(argument, undefined);
  else if (argument !== undefined && ts.isObjectLiteralExpression(argument)) {
    // `knex({ u: 'users' })` aliases the table by the key.
    for (const property of argument.properties) {
      if (ts.isPropertyAssignment(property) && isPlainString(property.initializer, sourceFile) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) add(property.initializer, property.name.text);
    }
  }
  return found;
}

/**
 * Every knex builder chain in a file: a call chain with at least one knex method, whose tables are
 * named by the root call (`knex('users')`, `db('users as u')`), `.from/.table/.into` and the joins.
 */
export function findKnexChains(sourceFile: ts.SourceFile, tables: readonly string[]): KnexChain[] {
  const names = tables.map(splitTableName);
  const chains: KnexChain[] = [];
  const visit = (node: ts.Node): void => {
    ts.forEachChild(node, visit);
    if (!ts.isCallExpression(node)) return;
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) return;
    const calls = unwindChain(node);
    const root = calls[0];
    if (root === undefined || !calls.some((entry, index) => (index > 0 || ts.isPropertyAccessExpression(root.call.expression)) && isKnexMethod(entry.name))) return;
    if (calls.some((entry) => foreignMethods.has(entry.name))) return;
    const rootIsBuilder = !isKnexMethod(root.name) && isBuilderCall(root.call);
    if (!rootIsBuilder && !isInstanceMethod(root.call)) return;
    let schema: string[] = [];
    const found: KnexTable[] = [];
    for (const [index, { name, call }] of calls.entries()) {
      if (name === 'withSchema' && isPlainString(call.arguments[0], sourceFile)) schema = call.arguments[0].text.split('.');
      const namesTable = (index === 0 && rootIsBuilder) || tableMethods.has(name) || joinMethods.has(name);
      if (namesTable) found.push(...tableFrom(call.arguments[0], schema, sourceFile, names));
    }
    const first = calls[0]?.call;
    if (first !== undefined) chains.push({ calls, tables: found, root: first });
  };
  visit(sourceFile);
  return chains;
}
