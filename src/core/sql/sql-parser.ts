import type { SqlDialect } from './sql-types.js';
import type { SqlToken } from './sql-token.js';
import type { SqlSite } from './sql-sites.js';
import type { Columns, Scope } from './sql-scope.js';
import type { NamePart } from './name-chain.js';

/** Token indexes `[start, end)`. */
export type Range = { start: number; end: number };

/** CTEs in force, innermost first. */
export type CteEnv = { name: string; columns: Columns; parent: CteEnv } | undefined;

/**
 * Who reads a query's rows, which decides what a `*` over the dataset means: the application or a
 * stored object (`output`: by name), an INSERT (`insert-source`: by position), an enclosing query
 * (`derived`: its columns pass through), or a test that ignores them (`exists`, `in`, `scalar`).
 */
export type QueryRole = 'output' | 'derived' | 'insert-source' | 'exists' | 'in' | 'scalar';

/** The clause an expression sits in, which decides how a bare name resolves and what a hole is. */
export type ClauseKind = 'select' | 'where' | 'on' | 'group' | 'having' | 'order' | 'window' | 'limit' | 'set' | 'values' | 'returning' | 'other';

/** The analysis of one SQL text: tokens, what the changes concern, and the sites found so far. */
export type Parser = {
  tokens: SqlToken[];
  dialect: SqlDialect;
  datasetNames: readonly (readonly string[])[];
  /** Old names of the columns the changes concern, as the changes spell them. */
  columns: readonly string[];
  /** For each `(` or `[`, the index of its closing token. */
  close: Map<number, number>;
  sites: SqlSite[];
  /** Offsets `[start, end)` of each statement parsed. */
  statements: { start: number; end: number }[];
  /** The statement writes keywords in lower case, so inserted `AS` should too. */
  lowerKeywords: boolean;
  readsDataset: boolean;
  /** Parses a nested query; set by `createParser`, which breaks the module cycle query → expression → query. */
  parseQuery(range: Range, scope: Scope | undefined, ctes: CteEnv, role: QueryRole): Columns;
};

/** The index of the token closing the bracket at `index`, or the end of the text if unmatched. */
export function closeOf(parser: Parser, index: number): number {
  return parser.close.get(index) ?? parser.tokens.length;
}

/** Pairs brackets; undefined when they do not balance. */
export function matchBrackets(tokens: readonly SqlToken[]): Map<number, number> | undefined {
  const close = new Map<number, number>();
  const stack: number[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.kind !== 'punct') continue;
    if (token.text === '(' || token.text === '[') stack.push(index);
    else if (token.text === ')' || token.text === ']') {
      const open = stack.pop();
      if (open === undefined || (tokens[open]?.text === '(') !== (token.text === ')')) return undefined;
      close.set(open, index);
    }
  }
  return stack.length === 0 ? close : undefined;
}

/** The next index in `range` from `from` at bracket depth 0 whose token satisfies `test`, or `range.end`. */
export function findAtDepth0(parser: Parser, from: number, end: number, test: (token: SqlToken, index: number) => boolean): number {
  let index = from;
  while (index < end) {
    const token = parser.tokens[index];
    if (token === undefined) break;
    if (test(token, index)) return index;
    index = token.kind === 'punct' && (token.text === '(' || token.text === '[') ? closeOf(parser, index) + 1 : index + 1;
  }
  return end;
}

/** Splits a range at commas of depth 0. */
export function splitAtCommas(parser: Parser, range: Range): Range[] {
  const parts: Range[] = [];
  let start = range.start;
  while (start <= range.end) {
    const comma = findAtDepth0(parser, start, range.end, (token) => token.kind === 'punct' && token.text === ',');
    if (comma > start || comma < range.end) parts.push({ start, end: comma });
    start = comma + 1;
  }
  return parts.filter((part) => part.end > part.start);
}

/** The change column a name part refers to, if any: unquoted names compare as each dialect folds them. */
export function findChangedColumn(parser: Parser, part: NamePart): string | undefined {
  const caseFolding = parser.dialect === 'postgres' || parser.dialect === 'ansi';
  for (const column of parser.columns) {
    if (!caseFolding && part.name.toLowerCase() === column.toLowerCase()) return column;
    if (caseFolding && (part.quoted ? part.name === column : part.name.toLowerCase() === column)) return column;
  }
  return undefined;
}
