import type { SqlFragmentScope } from './sql-types.js';
import type { Parser } from './sql-parser.js';
import { splitAtCommas } from './sql-parser.js';
import type { Source } from './sql-scope.js';
import { createScope } from './sql-scope.js';
import { scanExpression } from './scan-expression.js';
import { parseSelectItem } from './parse-select-item.js';

/**
 * Parses SQL that is part of a statement built elsewhere (knex `whereRaw`, `select(knex.raw(…))`)
 * in a scope where the dataset is a source under the given qualifiers.
 */
export function parseFragment(parser: Parser, fragment: SqlFragmentScope): void {
  const first = parser.tokens[0];
  const dataset: Source = { kind: 'dataset', qualifiers: fragment.qualifiers.map((name) => name.toLowerCase()) };
  if (fragment.qualifiers[0] !== undefined && first !== undefined) {
    const text = fragment.qualifiers[0];
    dataset.alias = { name: text, quoted: false, token: { ...first, text, value: text.toUpperCase() }, index: 0, packed: false };
  }
  const sources: Source[] = fragment.otherSources ? [dataset, { kind: 'table' }] : [dataset];
  const scope = createScope(undefined, sources);
  parser.readsDataset = true;
  const range = { start: 0, end: parser.tokens.length };
  if (fragment.kind === 'expression') {
    scanExpression(parser, range, scope, undefined, 'where');
    return;
  }
  for (const item of splitAtCommas(parser, range)) parseSelectItem(parser, item, scope, undefined, 'output', 'select');
}
