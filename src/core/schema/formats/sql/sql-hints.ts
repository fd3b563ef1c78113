import type { SqlDialect, SqlTokens } from './sql-token.js';
import { SqlInputError } from './sql-input-error.js';
import { SqlCursor } from './sql-cursor.js';
import { parseQualifiedName } from './parse-sql-name.js';
import { tokenizeSql } from './tokenize-sql.js';

const hintPattern = /downstream:renamed-from\b([^\n]*)/;

/**
 * `-- downstream:renamed-from <old>` comments. A definition claims the hints on the lines above
 * it (up to the previous line with code) and, for columns, a trailing hint on its own first line.
 */
export type SqlHints = {
  take(line: number, options?: { sameLine?: boolean }): string[];
  /** Lines of hints nothing claimed: a hint that names no column is an error, never ignored. */
  unclaimed(): number[];
};

function parseHintNames(payload: string, line: number, dialect: SqlDialect): string[] {
  const body = payload.replace(/\*\/\s*$/, '');
  let cursor: SqlCursor;
  try {
    cursor = new SqlCursor(tokenizeSql(body, dialect).tokens, dialect);
    const names: string[] = [];
    while (!cursor.atEnd()) {
      names.push(parseQualifiedName(cursor, 'in the downstream:renamed-from hint').parts.join('.'));
      cursor.acceptSymbol(',');
    }
    if (names.length === 0) cursor.fail('the earlier column name', 'after downstream:renamed-from');
    return names;
  } catch (error) {
    if (!(error instanceof SqlInputError)) throw error;
    throw new SqlInputError('invalid-schema', `cannot read the downstream:renamed-from hint: ${error.message}`, line);
  }
}

/** Collects the rename hints of a tokenized file, keyed by line. */
export function collectRenameHints(source: SqlTokens, dialect: SqlDialect): SqlHints {
  const codeLines = new Set<number>();
  for (const token of source.tokens) {
    if (token.kind === 'eof') continue;
    for (let line = token.line; line <= token.endLine; line += 1) codeLines.add(line);
  }
  const hints = new Map<number, string[]>();
  for (const comment of source.comments) {
    const match = hintPattern.exec(comment.text);
    if (match === null) continue;
    const names = parseHintNames(match[1] ?? '', comment.line, dialect);
    hints.set(comment.line, [...(hints.get(comment.line) ?? []), ...names]);
  }
  return {
    take(line, options = {}) {
      const lines: number[] = [];
      for (let above = line - 1; above >= 1 && !codeLines.has(above); above -= 1) lines.unshift(above);
      if (options.sameLine === true) lines.push(line);
      const names: string[] = [];
      for (const hintLine of lines) {
        names.push(...(hints.get(hintLine) ?? []));
        hints.delete(hintLine);
      }
      return names;
    },
    unclaimed() {
      return [...hints.keys()].sort((left, right) => left - right);
    },
  };
}
