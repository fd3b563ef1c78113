import type { SqlToken } from './sql-token.js';
import type { NameChain, NamePart } from './name-chain.js';
import type { Parser } from './sql-parser.js';

function partsOf(token: SqlToken, dialect: Parser['dialect']): NamePart[] {
  if (token.kind === 'word') return [{ name: token.text, quoted: false, token, index: 0, packed: false }];
  // BigQuery reads `` `project.dataset.table` `` as three parts; MySQL keeps the dot in the name.
  const names = dialect === 'bigquery' && token.quote === '`' ? token.value.split('.') : [token.value];
  return names.map((name, index) => ({ name, quoted: true, token, index, packed: names.length > 1 }));
}

function isNameToken(token: SqlToken | undefined): token is SqlToken {
  return token !== undefined && (token.kind === 'word' || token.kind === 'quoted');
}

/** A word glued to a hole (`user_${x}`, `${prefix}.email`) is only known at run time. */
export function touchesHole(parser: Parser, first: number, last: number): boolean {
  const before = parser.tokens[first - 1];
  const after = parser.tokens[last + 1];
  const firstToken = parser.tokens[first];
  return (before?.kind === 'hole' && firstToken?.gapBefore === false) || (after?.kind === 'hole' && !after.gapBefore);
}

/**
 * Reads `a.b.c` (or `t.*`) from token `index`. With `dashes`, a BigQuery project written
 * unquoted with dashes (`acme-prod.crm.users`) reads as one part.
 */
export function readNameChain(parser: Parser, index: number, end: number, dashes = false): { chain: NameChain; next: number } | undefined {
  const first = parser.tokens[index];
  if (!isNameToken(first)) return undefined;
  const parts: NamePart[] = [];
  const tokens: SqlToken[] = [];
  let cursor = index;
  let star = false;
  for (;;) {
    const token = parser.tokens[cursor];
    if (!isNameToken(token) || cursor >= end) break;
    let last = cursor;
    if (dashes && parser.dialect === 'bigquery' && token.kind === 'word') {
      while (parser.tokens[last + 1]?.text === '-' && !parser.tokens[last + 1]?.gapBefore && parser.tokens[last + 2]?.kind === 'word' && !parser.tokens[last + 2]?.gapBefore && last + 2 < end) last += 2;
    }
    if (last > cursor) {
      const merged: SqlToken = { ...token, end: parser.tokens[last]?.end ?? token.end, text: parser.tokens.slice(cursor, last + 1).map((part) => part.text).join('') };
      parts.push({ name: merged.text, quoted: false, token: merged, index: 0, packed: false });
      tokens.push(merged);
    } else {
      parts.push(...partsOf(token, parser.dialect));
      tokens.push(token);
    }
    cursor = last + 1;
    const dot = parser.tokens[cursor];
    if (dot?.kind !== 'punct' || dot.text !== '.' || cursor + 1 >= end) break;
    const after = parser.tokens[cursor + 1];
    if (after?.kind === 'operator' && after.text === '*') {
      star = true;
      cursor += 2;
      break;
    }
    if (!isNameToken(after)) break;
    cursor += 1;
  }
  const lastToken = tokens.at(-1) ?? first;
  const endOffset = star ? (parser.tokens[cursor - 1]?.end ?? lastToken.end) : lastToken.end;
  return { chain: { parts, tokens, start: first.start, end: endOffset, star }, next: cursor };
}
