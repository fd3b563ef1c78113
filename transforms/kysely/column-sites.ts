import { ts } from 'ts-morph';
import type { DatabaseTable } from './database-interface.js';
import type { QueryChain, TableSite } from './find-query-chains.js';
import { methodName } from './find-query-chains.js';
import type { ColumnReference } from './parse-reference.js';
import { parseColumnReference } from './parse-reference.js';

/** Where a query names a column of the dataset's table, and how it names it. */
export type ColumnSite =
  | { kind: 'reference'; literal: ts.StringLiteralLike; reference: ColumnReference; selects: boolean }
  | { kind: 'key'; property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment };

export type ColumnSearch = { sites: ColumnSite[]; ambiguous: ts.StringLiteralLike[] };

const selecting = new Set(['select', 'returning', 'distinctOn']);
const referencing = new Set(['groupBy', 'orderBy', 'columns', 'onConflict']);
const comparing = new Set(['where', 'orWhere', 'having', 'orHaving']);
const comparingRefs = new Set(['whereRef', 'orWhereRef', 'havingRef', 'orHavingRef', 'onRef']);
const joining = new Set(['innerJoin', 'leftJoin', 'rightJoin', 'fullJoin']);
const writing = new Set(['values', 'set']);

function referenceArguments(call: ts.CallExpression): ts.Expression[] {
  const name = methodName(call) ?? '';
  const args = [...call.arguments];
  if (selecting.has(name) || referencing.has(name)) return args.slice(0, name === 'orderBy' ? 1 : args.length).flatMap((arg) => (ts.isArrayLiteralExpression(arg) ? [...arg.elements] : [arg]));
  if (comparing.has(name) && args.length >= 2) return args.slice(0, 1);
  if (comparingRefs.has(name)) return [args[0], args[2]].filter((arg) => arg !== undefined);
  if (joining.has(name) && args.length === 3) return args.slice(1);
  return [];
}

function writtenObjects(call: ts.CallExpression): ts.ObjectLiteralExpression[] {
  if (!writing.has(methodName(call) ?? '')) return [];
  const argument = call.arguments[0];
  if (argument === undefined) return [];
  if (ts.isObjectLiteralExpression(argument)) return [argument];
  if (ts.isArrayLiteralExpression(argument)) return argument.elements.filter(ts.isObjectLiteralExpression);
  return [];
}

/** Whether a qualifier (`u`, `users`) denotes the table site. */
export function denotes(site: TableSite, qualifier: string): boolean {
  return site.alias === undefined ? site.table === qualifier || site.table.split('.').at(-1) === qualifier : site.alias === qualifier;
}

/**
 * Finds the references to `column` of the dataset's table in one query. A qualified reference
 * belongs to the table its qualifier names; a bare one to the dataset's table when no other table
 * in scope has such a column (per the `DB` interface). Anything else is ambiguous, never guessed.
 */
export function findColumnSites(chain: QueryChain, isDataset: (site: TableSite) => boolean, column: string, tables: readonly DatabaseTable[]): ColumnSearch {
  const search: ColumnSearch = { sites: [], ambiguous: [] };
  const datasetSites = chain.tables.filter(isDataset);
  const others = chain.tables.filter((site) => !isDataset(site));
  const otherHas = (name: string): boolean | undefined => {
    for (const site of others) {
      const table = tables.find((candidate) => candidate.name === site.table);
      if (table === undefined) return undefined;
      if (table.columns.has(name)) return true;
    }
    return false;
  };
  // Only the root table receives writes: `insertInto('users').values({…})`, `updateTable('users').set({…})`.
  const target = chain.tables[0];
  const writesDataset = target !== undefined && isDataset(target);
  for (const call of chain.calls) {
    const selects = selecting.has(methodName(call) ?? '');
    for (const argument of referenceArguments(call)) {
      if (!ts.isStringLiteralLike(argument)) continue;
      const reference = parseColumnReference(argument.text);
      if (reference === undefined || reference.column !== column) continue;
      if (reference.qualifier !== undefined) {
        if (datasetSites.some((site) => denotes(site, reference.qualifier ?? ''))) search.sites.push({ kind: 'reference', literal: argument, reference, selects });
        continue;
      }
      const elsewhere = otherHas(column);
      if (elsewhere === false) search.sites.push({ kind: 'reference', literal: argument, reference, selects });
      else search.ambiguous.push(argument);
    }
    if (!writesDataset) continue;
    for (const object of writtenObjects(call)) {
      for (const property of object.properties) {
        if ((ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === column) {
          search.sites.push({ kind: 'key', property });
        }
      }
    }
  }
  return search;
}
