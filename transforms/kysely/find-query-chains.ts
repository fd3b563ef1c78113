import { ts } from 'ts-morph';
import type { TableReference } from './parse-reference.js';
import { parseTableReference } from './parse-reference.js';

// Methods that start a Kysely query on a table, and those that bring another table into it.
const rootMethods = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);
const joinMethods = new Set(['innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin', 'innerJoinLateral', 'leftJoinLateral', 'using']);

/** A table argument, where it is written. */
export type TableSite = TableReference & { literal: ts.StringLiteralLike };

/** One query: its calls in order and the tables in its scope. */
export type QueryChain = { calls: ts.CallExpression[]; tables: TableSite[] };

function methodName(call: ts.CallExpression): string | undefined {
  return ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
}

function tableSites(argument: ts.Expression | undefined): TableSite[] {
  if (argument === undefined) return [];
  if (ts.isArrayLiteralExpression(argument)) return argument.elements.flatMap((element) => tableSites(element));
  if (!ts.isStringLiteralLike(argument)) return [];
  const reference = parseTableReference(argument.text);
  return reference === undefined ? [] : [{ ...reference, literal: argument }];
}

// The calls chained after a call: `db.selectFrom(…).select(…).where(…)`.
function followChain(root: ts.CallExpression): ts.CallExpression[] {
  const calls = [root];
  let current: ts.Node = root;
  while (ts.isPropertyAccessExpression(current.parent) && ts.isCallExpression(current.parent.parent) && current.parent.parent.expression === current.parent) {
    current = current.parent.parent;
    if (ts.isCallExpression(current)) calls.push(current);
  }
  return calls;
}

/** Every Kysely query in a file, found by its root method (`selectFrom`, `insertInto`, …). */
export function findQueryChains(sourceFile: ts.SourceFile): QueryChain[] {
  const chains: QueryChain[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && rootMethods.has(methodName(node) ?? '')) {
      const calls = followChain(node);
      const tables = [...tableSites(node.arguments[0]), ...calls.filter((call) => joinMethods.has(methodName(call) ?? '')).flatMap((call) => tableSites(call.arguments[0]))];
      if (tables.length > 0) chains.push({ calls, tables });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return chains;
}

export { methodName };
