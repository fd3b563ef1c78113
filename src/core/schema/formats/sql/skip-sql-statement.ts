import type { SqlCursor } from './sql-cursor.js';

// After BEGIN these start a transaction, not a block (`BEGIN;`, `BEGIN TRANSACTION`).
const transactionWords = ['TRANSACTION', 'WORK', 'ISOLATION'];
// `END IF`, `END LOOP`, … close blocks whose openers are not counted.
const blockEndWords = ['IF', 'LOOP', 'WHILE', 'REPEAT', 'FOR'];

/**
 * Reads past one statement the schema does not depend on, up to (not including) its `;`.
 * `BEGIN … END` and `CASE … END` nest, so a procedure body's own semicolons stay inside it.
 */
export function skipSqlStatement(cursor: SqlCursor): void {
  let depth = 0;
  while (!cursor.atEnd()) {
    if (depth === 0 && cursor.atSymbol(';')) return;
    if (cursor.atWord('BEGIN')) {
      const next = cursor.peek(1);
      const startsTransaction = next.kind === 'eof' || (next.kind === 'symbol' && next.text === ';') || transactionWords.some((word) => cursor.atWord(word, 1));
      if (!startsTransaction) depth += 1;
    } else if (cursor.atWord('CASE')) {
      depth += 1;
    } else if (cursor.atWord('END')) {
      if (blockEndWords.some((word) => cursor.atWord(word, 1))) cursor.next();
      else depth = Math.max(0, depth - 1);
    }
    cursor.next();
  }
}
