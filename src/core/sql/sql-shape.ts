import type { SqlToken } from './sql-token.js';
import { isReservedWord } from './sql-keywords.js';

/**
 * The token shape of SQL with every dotted name collapsed to `N`: renaming a column or a table,
 * or qualifying a name, keeps it; a new name that reads as a keyword or as two tokens does not.
 */
export function planSqlShape(tokens: readonly SqlToken[]): string[] {
  const shape: string[] = [];
  let inName = false;
  for (const token of tokens) {
    const name = token.kind === 'quoted' || (token.kind === 'word' && !isReservedWord(token.value));
    const dot = token.kind === 'punct' && token.text === '.';
    if (inName && (dot || name)) continue;
    inName = name;
    if (name) shape.push('N');
    else if (token.kind === 'word') shape.push(token.value);
    else if (token.kind === 'punct' || token.kind === 'operator') shape.push(token.text);
    else shape.push(token.kind);
  }
  return shape;
}

/**
 * Whether `after` is `before` with only `AS <name>` inserted after names or closing brackets — and
 * never after an alias already there (`x AS n AS m`), which no SQL grammar accepts.
 */
export function isSameShapeWithAliases(before: readonly string[], after: readonly string[]): boolean {
  let left = 0;
  let right = 0;
  while (left < before.length || right < after.length) {
    if (before[left] === after[right] && left < before.length) {
      left += 1;
      right += 1;
      continue;
    }
    const previous = after[right - 1];
    const aliased = previous === 'N' && after[right - 2] === 'AS';
    if (after[right] === 'AS' && after[right + 1] === 'N' && (previous === 'N' || previous === ')') && !aliased) {
      right += 2;
      continue;
    }
    return false;
  }
  return true;
}
