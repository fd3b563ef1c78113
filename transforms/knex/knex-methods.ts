/** Methods whose string arguments are output columns: a renamed one keeps its name with `as`. */
export const projectionMethods = new Set(['select', 'column', 'columns', 'first', 'distinct', 'returning', 'clearSelect']);

/** Methods whose first argument (or array of them, or object keys) names columns. */
export const columnMethods = new Set([
  'where', 'andWhere', 'orWhere', 'whereNot', 'andWhereNot', 'orWhereNot',
  'whereIn', 'whereNotIn', 'orWhereIn', 'orWhereNotIn', 'whereNull', 'whereNotNull', 'orWhereNull', 'orWhereNotNull',
  'whereBetween', 'whereNotBetween', 'orWhereBetween', 'orWhereNotBetween', 'whereLike', 'whereILike', 'orWhereLike', 'orWhereILike',
  'having', 'orHaving', 'havingIn', 'havingNotIn', 'havingNull', 'havingNotNull', 'havingBetween', 'havingNotBetween',
  'groupBy', 'orderBy', 'distinctOn', 'onConflict', 'increment', 'decrement', 'pluck',
  'count', 'countDistinct', 'min', 'max', 'sum', 'sumDistinct', 'avg', 'avgDistinct',
]);

/** Methods whose object argument's keys are columns written to. */
export const writeMethods = new Set(['insert', 'update', 'upsert', 'merge']);

/** Methods that name a table (with an optional `as` alias). */
export const tableMethods = new Set(['from', 'table', 'into']);

export const joinMethods = new Set(['join', 'innerJoin', 'leftJoin', 'leftOuterJoin', 'rightJoin', 'rightOuterJoin', 'fullOuterJoin', 'crossJoin', 'outerJoin']);

/** Methods that take a SQL fragment evaluated against the query's tables. */
export const rawMethods = new Set(['whereRaw', 'orWhereRaw', 'andWhereRaw', 'havingRaw', 'orHavingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw']);

/** Calls that end a query without reading rows (or read no column by name). */
export const nonReadingMethods = new Set(['insert', 'update', 'upsert', 'del', 'delete', 'truncate', 'increment', 'decrement', 'count', 'countDistinct', 'min', 'max', 'sum', 'avg', 'pluck', 'columnInfo']);

/** Whether a method name is one a knex builder has, which tells a builder chain from other calls. */
export function isKnexMethod(name: string): boolean {
  return projectionMethods.has(name) || columnMethods.has(name) || writeMethods.has(name) || tableMethods.has(name) || joinMethods.has(name) || rawMethods.has(name) || nonReadingMethods.has(name) || name === 'withSchema' || name === 'limit' || name === 'offset';
}
