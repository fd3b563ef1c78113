import { isKeyword, isSymbol } from './sql-token.js';
import type { CteEnv, Parser, QueryRole, Range } from './sql-parser.js';
import { closeOf, splitAtCommas } from './sql-parser.js';
import type { Columns, Scope } from './sql-scope.js';
import { readNameChain } from './read-name-chain.js';
import { splitAlias } from './read-alias.js';
import { recordColumnReference, recordStar } from './record-reference.js';
import { scanExpression } from './scan-expression.js';
import type { NameChain } from './name-chain.js';

/** The token index of the name chain whose name the item outputs (`col`, `u.col`, Postgres `col::text`), if any. */
function findProjectedChain(parser: Parser, range: Range): number | undefined {
  const { tokens } = parser;
  let { start, end } = range;
  const postgres = parser.dialect === 'postgres' || parser.dialect === 'ansi';
  // Postgres names `(col)`, `col::text`, `CAST(col AS text)` and `col COLLATE "C"` after the column too.
  while (postgres && isSymbol(tokens[start], '(') && closeOf(parser, start) === end - 1) {
    start += 1;
    end -= 1;
  }
  if (postgres && isKeyword(tokens[start], 'CAST') && isSymbol(tokens[start + 1], '(') && closeOf(parser, start + 1) === end - 1) {
    const read = readNameChain(parser, start + 2, end);
    return read !== undefined && !read.chain.star && isKeyword(tokens[read.next], 'AS') ? start + 2 : undefined;
  }
  const read = readNameChain(parser, start, end);
  if (read === undefined || read.chain.star || isSymbol(tokens[read.next], '(')) return undefined;
  if (read.next === end) return start;
  if (!postgres) return undefined;
  let cursor = read.next;
  while (cursor < end && isSymbol(tokens[cursor], '::')) {
    cursor += 2;
    while (cursor < end && !isSymbol(tokens[cursor], '::') && !isKeyword(tokens[cursor], 'COLLATE')) cursor += 1;
  }
  if (isKeyword(tokens[cursor], 'COLLATE')) cursor += 2;
  return cursor === end ? start : undefined;
}

/** Reads BigQuery's `* EXCEPT (a, b)` and `* REPLACE (expr AS a)` after a star. */
function readStarModifiers(parser: Parser, index: number, end: number, scope: Scope, ctes: CteEnv): { excepted: Set<string>; replaced: Set<string> } {
  const excepted = new Set<string>();
  const replaced = new Set<string>();
  let cursor = index;
  while (cursor < end && isKeyword(parser.tokens[cursor], 'EXCEPT', 'REPLACE') && isSymbol(parser.tokens[cursor + 1], '(')) {
    const except = isKeyword(parser.tokens[cursor], 'EXCEPT');
    const close = closeOf(parser, cursor + 1);
    for (const item of splitAtCommas(parser, { start: cursor + 2, end: close })) {
      if (except) {
        const read = readNameChain(parser, item.start, item.end);
        if (read !== undefined) {
          excepted.add(read.chain.parts.at(-1)?.name.toLowerCase() ?? '');
          recordColumnReference(parser, read.chain, scope, { clause: 'select' });
        }
      } else {
        const alias = splitAlias(parser, item.start, item.end);
        scanExpression(parser, { start: item.start, end: alias.exprEnd }, scope, ctes, 'select');
        if (alias.alias !== undefined) replaced.add(parser.tokens[alias.alias]?.value.toLowerCase() ?? '');
      }
    }
    cursor = close + 1;
  }
  return { excepted, replaced };
}

/** What one select item contributes to the block's output. */
export type ItemOutput = { columns: Columns; name?: string; expressionAlias?: boolean };

/** Parses one select (or RETURNING) item: a star, or an expression with an optional alias. */
export function parseSelectItem(parser: Parser, range: Range, scope: Scope, ctes: CteEnv, role: QueryRole, clause: 'select' | 'returning'): ItemOutput {
  const { tokens } = parser;
  const empty = (): Columns => ({ names: new Set(), datasetStar: false, otherStar: false });
  const starRole = role === 'output' ? 'output' : role === 'insert-source' ? 'insert-source' : 'other';
  const first = tokens[range.start];
  let star: { qualifier: NameChain | undefined; next: number } | undefined;
  if (first?.kind === 'operator' && first.text === '*') star = { qualifier: undefined, next: range.start + 1 };
  else {
    const read = readNameChain(parser, range.start, range.end);
    if (read?.chain.star === true) star = { qualifier: { ...read.chain, star: false }, next: read.next };
  }
  if (star !== undefined && first !== undefined) {
    const modifiers = readStarModifiers(parser, star.next, range.end, scope, ctes);
    const columns = recordStar(parser, scope, star.qualifier, first.start, starRole, modifiers.excepted);
    return { columns };
  }
  const alias = splitAlias(parser, range.start, range.end);
  const expr = { start: range.start, end: alias.exprEnd };
  const namesMatter = role === 'output' || role === 'derived' || role === 'scalar';
  const chainAt = findProjectedChain(parser, expr);
  const aliasAt = tokens[expr.end - 1]?.end ?? 0;
  const options = chainAt !== undefined && alias.alias === undefined && namesMatter ? { chainAt, context: { projection: { aliasAt } } } : {};
  scanExpression(parser, expr, scope, ctes, clause, options);
  const columns = empty();
  if (alias.alias !== undefined) {
    const name = tokens[alias.alias]?.kind === 'quoted' ? (tokens[alias.alias]?.value ?? '') : (tokens[alias.alias]?.text ?? '');
    columns.names.add(name.toLowerCase());
    return { columns, name: name.toLowerCase(), expressionAlias: chainAt === undefined };
  }
  if (chainAt !== undefined) {
    const name = readNameChain(parser, chainAt, expr.end)?.chain.parts.at(-1)?.name.toLowerCase();
    if (name !== undefined) columns.names.add(name);
    return name === undefined ? { columns } : { columns, name };
  }
  return { columns };
}
