import type { SqlDialect } from './sql-types.js';
import type { SqlToken } from './sql-token.js';
import type { Parser } from './sql-parser.js';
import { parseQuery } from './parse-query.js';

/** A parser over `tokens` with its nested-query entry wired in. */
export function createParser(tokens: SqlToken[], close: Map<number, number>, dialect: SqlDialect, datasetNames: readonly (readonly string[])[], columns: readonly string[]): Parser {
  const parser: Parser = {
    tokens,
    dialect,
    datasetNames,
    columns,
    close,
    sites: [],
    statements: [],
    lowerKeywords: false,
    readsDataset: false,
    parseQuery: (range, scope, ctes, role) => parseQuery(parser, range, scope, ctes, role),
  };
  return parser;
}
