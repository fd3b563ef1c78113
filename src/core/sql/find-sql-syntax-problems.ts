import type { SqlDialect, SqlHole } from './sql-types.js';
import type { SqlToken } from './sql-token.js';
import { isKeyword, isSymbol } from './sql-token.js';
import { tokenizeSql } from './tokenize-sql.js';
import { matchBrackets } from './sql-parser.js';
import { isReservedWord } from './sql-keywords.js';

// Keywords that open a clause or list: what follows them must not be empty or start with a comma.
const opens = ['SELECT', 'FROM', 'WHERE', 'HAVING', 'ON', 'BY', 'SET', 'VALUES', 'RETURNING', 'QUALIFY', 'AND', 'OR', 'NOT', 'DISTINCT', 'JOIN', 'USING', 'IN'];
// Keywords that close the list before them: a comma or an operator must not come just before them.
const closes = ['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'ON', 'USING', 'RETURNING', 'AND', 'OR', 'THEN', 'ELSE', 'END', 'AS'];
// Binary operators that need an operand on both sides (`*` and `-` can stand alone or lead one).
const binary = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '||', '/', '%', '^', '::']);

/** One way the text is malformed, and where. */
export type SqlSyntaxProblem = { problem: string; at: number };

function describe(token: SqlToken | undefined): string {
  return token === undefined ? 'the end' : `"${token.text}"`;
}

function endsOperand(token: SqlToken | undefined): boolean {
  return token === undefined || isSymbol(token, ',') || isSymbol(token, ')') || isSymbol(token, ';') || isKeyword(token, ...closes);
}

function startsAfterOperand(token: SqlToken | undefined): boolean {
  return token === undefined || isSymbol(token, ',') || isSymbol(token, '(') || isSymbol(token, ';') || isKeyword(token, ...opens);
}

function problemAt(tokens: readonly SqlToken[], index: number): SqlSyntaxProblem | undefined {
  const token = tokens[index];
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (token === undefined) return undefined;
  if (isSymbol(token, ',')) {
    if (startsAfterOperand(previous)) return { problem: `a comma after ${describe(previous)}`, at: token.start };
    if (endsOperand(next)) return { problem: `a comma before ${describe(next)}`, at: token.start };
  }
  if (token.kind === 'operator' && binary.has(token.text)) {
    if (startsAfterOperand(previous)) return { problem: `"${token.text}" without a left operand`, at: token.start };
    if (endsOperand(next)) return { problem: `"${token.text}" without a right operand`, at: token.start };
  }
  if (isKeyword(token, 'AND', 'OR') && (startsAfterOperand(previous) || endsOperand(next))) return { problem: `a dangling ${token.value}`, at: token.start };
  if (isKeyword(token, 'SELECT', 'WHERE', 'HAVING', 'SET', 'RETURNING') && endsOperand(next)) return { problem: `an empty ${token.value}`, at: token.start };
  if (isKeyword(token, 'FROM') && endsOperand(next)) return { problem: `an empty FROM`, at: token.start };
  const calls = previous?.kind === 'quoted' || (previous?.kind === 'word' && !isReservedWord(previous.value));
  if (isSymbol(token, '(') && isSymbol(next, ')') && !calls) return { problem: `empty parentheses`, at: token.start };
  return undefined;
}

/**
 * The ways a SQL text is malformed that a careless edit produces: it no longer tokenizes, its
 * brackets no longer match, a list keeps a stray comma, an operator or AND/OR lost an operand, a
 * clause lost its body. A lint over tokens, not a grammar: a dialect's exotic syntax passes, and
 * callers compare the problems of an edited text with those of the original, so only new ones count.
 */
export function findSqlSyntaxProblems(text: string, dialect: SqlDialect, holes: readonly SqlHole[] = []): SqlSyntaxProblem[] {
  const tokenized = tokenizeSql(text, dialect, holes);
  if (!tokenized.ok) return [{ problem: `it does not tokenize: ${tokenized.problem}`, at: tokenized.at }];
  const tokens = tokenized.tokens;
  if (matchBrackets(tokens) === undefined) return [{ problem: 'its parentheses do not match', at: 0 }];
  const problems: SqlSyntaxProblem[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const problem = problemAt(tokens, index);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}
