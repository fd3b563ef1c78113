import { ts } from 'ts-morph';
import { planMovedReference } from '../../src/core/sql/index.js';
import type { KnexScope } from './knex-scope.js';
import { leaveAt } from './knex-scope.js';
import { describeColumnChange, planColumnKey, planColumnLiteral, planDynamicColumn } from './knex-columns.js';
import { planRawFragment } from './knex-raw.js';
import { columnMethods, joinMethods, nonReadingMethods, projectionMethods, rawMethods, tableMethods, writeMethods } from './knex-methods.js';

const joinConditions = new Set(['on', 'andOn', 'orOn', 'onIn', 'onNotIn', 'orOnIn', 'onNull', 'onNotNull', 'orOnNull', 'onBetween', 'onNotBetween']);

function isString(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** `knex.raw('…')`, `db.raw('…')`. */
function isRawCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'raw';
}

function isFunction(node: ts.Node): node is ts.FunctionExpression | ts.ArrowFunction {
  return ts.isFunctionExpression(node) || ts.isArrowFunction(node);
}

/** Calls inside a callback (`where(function () { this.where(…) })`), unless it builds a subquery of its own. */
function callbackCalls(callback: ts.FunctionExpression | ts.ArrowFunction): { name: string; call: ts.CallExpression }[] {
  const calls: { name: string; call: ts.CallExpression }[] = [];
  let ownTable = false;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (tableMethods.has(name)) ownTable = true;
      calls.push({ name, call: node });
    }
    if (!isFunction(node) || node === callback) ts.forEachChild(node, visit);
  };
  visit(callback);
  return ownTable ? [] : calls;
}

/** One column-position argument: a name, a list of names, an object, a raw fragment, a callback. */
function planColumnArgument(scope: KnexScope, argument: ts.Node, projection: boolean, objectKeys: boolean): void {
  if (isString(argument)) planColumnLiteral(scope, argument, projection);
  else if (ts.isArrayLiteralExpression(argument)) argument.elements.forEach((element) => planColumnArgument(scope, element, projection, objectKeys));
  else if (ts.isObjectLiteralExpression(argument)) {
    for (const property of argument.properties) {
      // `select({ e: 'user_email' })` aliases by key; `where({ user_email: x })` names by key;
      // `orderBy([{ column: 'user_email' }])` names by the `column` value.
      const columnValue = ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'column';
      if (ts.isPropertyAssignment(property) && (!objectKeys || columnValue) && isString(property.initializer)) planColumnLiteral(scope, property.initializer, false);
      else if (objectKeys && !columnValue && !(ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'order')) planColumnKey(scope, property);
    }
  } else if (isRawCall(argument)) planRawFragment(scope, argument.arguments[0], projection ? 'select-list' : 'expression');
  else if (isFunction(argument)) planCalls(scope, callbackCalls(argument));
  else if (!ts.isCallExpression(argument) && !ts.isPropertyAccessExpression(argument)) planDynamicColumn(scope, argument);
}

/** What a written object (`insert(row)`) holds when it is not a literal: its keys are the type's business. */
function planWrittenValue(scope: KnexScope, argument: ts.Node): void {
  if (ts.isObjectLiteralExpression(argument)) argument.properties.forEach((property) => planColumnKey(scope, property));
  else if (ts.isArrayLiteralExpression(argument)) argument.elements.forEach((element) => planWrittenValue(scope, element));
  else if (!scope.typedRows && !ts.isIdentifier(argument)) planDynamicColumn(scope, argument);
}

function planCalls(scope: KnexScope, calls: readonly { name: string; call: ts.CallExpression }[]): void {
  for (const { name, call } of calls) {
    const [first, second] = call.arguments;
    if (projectionMethods.has(name)) call.arguments.forEach((argument) => planColumnArgument(scope, argument, true, false));
    else if (columnMethods.has(name) && first !== undefined) planColumnArgument(scope, first, false, true);
    else if (writeMethods.has(name) && first !== undefined) {
      if (isString(first)) planColumnLiteral(scope, first, false);
      else if (name === 'merge' && ts.isArrayLiteralExpression(first)) planColumnArgument(scope, first, false, false);
      else planWrittenValue(scope, first);
      if (second !== undefined && name !== 'update') planColumnArgument(scope, second, true, false);
    } else if (rawMethods.has(name)) planRawFragment(scope, first, 'expression');
    else if (joinMethods.has(name)) {
      for (const argument of call.arguments.slice(1)) {
        if (isString(argument)) planColumnLiteral(scope, argument, false);
        else if (isFunction(argument)) planCalls(scope, callbackCalls(argument));
      }
    } else if (joinConditions.has(name)) {
      call.arguments.filter(isString).forEach((argument) => planColumnLiteral(scope, argument, false));
    } else if (name === 'using' && first !== undefined) {
      for (const { sql, source } of scope.changes) {
        if (sql.kind !== 'table-moved' && new RegExp(`\\b${sql.column}\\b`, 'i').test(first.getText(scope.sourceFile))) leaveAt(scope, first, source, `a join USING ${sql.column} merges the dataset's column with another table's; rewrite the join with on()`);
      }
    }
  }
}

/** A read without a select list returns every column: whoever reads the rows must be checked. */
function planImplicitStar(scope: KnexScope): void {
  const names = scope.chain.calls.map((entry) => entry.name);
  const selects = names.some((name) => projectionMethods.has(name) && name !== 'returning' && name !== 'first') || scope.chain.calls.some((entry) => entry.name === 'first' && entry.call.arguments.length > 0);
  if (selects || scope.typedRows || names.some((name) => nonReadingMethods.has(name) || name === 'del' || name === 'delete')) return;
  for (const { sql, source } of scope.changes) {
    if (sql.kind === 'table-moved') continue;
    leaveAt(scope, scope.chain.root, source, `this knex query selects every column of the dataset (no select list), and ${sql.column} ${describeColumnChange(sql)}: check the code that reads these rows`);
  }
}

/** Moves every reference to the dataset's table in the chain (a self-join names it twice). */
function planTableMove(scope: KnexScope): void {
  const moved = scope.changes.find((entry) => entry.sql.kind === 'table-moved');
  if (moved === undefined || scope.movedTo === undefined) return;
  for (const table of scope.chain.tables) {
    if (table.matched === undefined) continue;
    const { literal, nameStart, nameEnd, schema } = table;
    const plain = literal.getText(scope.sourceFile).slice(1, -1) === literal.text;
    const target = planMovedReference([...schema, ...table.parts], table.matched, scope.movedTo);
    if (!plain || target.slice(0, schema.length).join('.') !== schema.join('.')) {
      leaveAt(scope, literal, moved.source, `the table name is split across withSchema() or escaped; move it to ${scope.movedTo.join('.')} by hand`);
      continue;
    }
    const start = literal.getStart(scope.sourceFile) + 1;
    scope.edits.push({ path: scope.path, start: start + nameStart, end: start + nameEnd, text: target.slice(schema.length).join('.'), transform: scope.transform, change: moved.source });
  }
}

/** Plans the edits and leftovers of one knex chain that reads or writes the dataset. */
export function planKnexChain(scope: KnexScope): void {
  planTableMove(scope);
  planCalls(scope, scope.chain.calls);
  planImplicitStar(scope);
}
