import type { CteEnv, Parser, Range } from './sql-parser.js';
import { splitAtCommas } from './sql-parser.js';
import type { Columns, Scope } from './sql-scope.js';
import { parseSelectItem } from './parse-select-item.js';

/** RETURNING items are the rows the application reads back: projections keep their names. */
export function parseReturning(parser: Parser, range: Range | undefined, scope: Scope, ctes: CteEnv): Columns {
  const columns: Columns = { names: new Set(), datasetStar: false, otherStar: false };
  if (range === undefined) return columns;
  for (const item of splitAtCommas(parser, range)) {
    const output = parseSelectItem(parser, item, scope, ctes, 'output', 'returning');
    for (const name of output.columns.names) columns.names.add(name);
    columns.datasetStar ||= output.columns.datasetStar;
    columns.otherStar ||= output.columns.otherStar;
  }
  return columns;
}
