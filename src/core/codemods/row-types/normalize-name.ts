// Words a row type's name adds to the table's name without changing what it denotes.
const suffixWords = new Set(['row', 'rows', 'record', 'records', 'table', 'entity', 'model', 'schema', 'type', 'dto', 'data', 'shape', 'columns', 'selectable']);

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * The comparable core of a name: `UsersV1Row`, `users_v1`, `UserRowSchema` and `analytics.users_v1`
 * all become `user`. Drops the schema qualifier, suffix words (Row, Table, Entity, Schema…),
 * version tokens, and a plural ending.
 */
export function normalizeName(name: string): string {
  const unqualified = name.split('.').at(-1) ?? name;
  const words = splitWords(unqualified);
  // `V1` splits as a word of its own after a lower-case letter; `users_v1` too.
  while (words.length > 1) {
    const last = words.at(-1) ?? '';
    if (suffixWords.has(last) || /^v\d+$/.test(last)) words.pop();
    else break;
  }
  const last = words.pop();
  if (last === undefined) return '';
  return [...words, singular(last)].join('');
}
