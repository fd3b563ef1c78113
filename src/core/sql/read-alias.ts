import type { SqlToken } from './sql-token.js';
import { isKeyword } from './sql-token.js';
import type { Parser } from './sql-parser.js';
import { canBeAlias, dateParts, isReservedWord, typeContinuations } from './sql-keywords.js';

/** Reserved words that end an operand, so a name after them can be an implicit alias. */
const operandEnds = new Set(['END', 'NULL', 'TRUE', 'FALSE', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'LOCALTIME', 'LOCALTIMESTAMP', 'CURRENT_USER', 'SESSION_USER', 'USER']);

function endsOperand(token: SqlToken | undefined): boolean {
  if (token === undefined) return false;
  if (token.kind === 'word') return !isReservedWord(token.value) || operandEnds.has(token.value);
  if (token.kind === 'punct') return token.text === ')' || token.text === ']';
  return token.kind !== 'operator';
}

function isAliasName(token: SqlToken | undefined): token is SqlToken {
  if (token === undefined) return false;
  if (token.kind === 'quoted') return true;
  return token.kind === 'word' && !isReservedWord(token.value) && !typeContinuations.has(token.value) && canBeAlias(token.value);
}

/**
 * Splits `expr [AS] alias` at the end of a select item. An implicit alias is a name right after
 * a complete operand (`count(*) n`, `u.email e`), never a type word (`::double precision`), a unit
 * (`INTERVAL '1' DAY`) or a name after a Jinja tag, where two branches were glued together.
 */
export function splitAlias(parser: Parser, start: number, end: number): { exprEnd: number; alias?: number } {
  const { tokens } = parser;
  const last = tokens[end - 1];
  if (end - start >= 3 && isKeyword(tokens[end - 2], 'AS') && (last?.kind === 'quoted' || last?.kind === 'word' || last?.kind === 'string')) return { exprEnd: end - 2, alias: end - 1 };
  if (end - start < 2 || !isAliasName(last) || last.triviaBefore) return { exprEnd: end };
  const before = tokens[end - 2];
  if (!endsOperand(before)) return { exprEnd: end };
  if (last.kind === 'word' && dateParts.has(last.value) && (before?.kind === 'string' || before?.kind === 'number') && isKeyword(tokens[end - 3], 'INTERVAL')) return { exprEnd: end };
  if (before?.kind === 'word' && isKeyword(tokens[end - 3], 'AT', 'TIME')) return { exprEnd: end };
  return { exprEnd: end - 1, alias: end - 1 };
}
