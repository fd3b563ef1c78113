/** A knex table argument: `users`, `analytics.users_v1 as u`. Offsets are within the string. */
export type KnexTableName = { parts: string[]; nameStart: number; nameEnd: number; alias?: string };

/** A knex column argument: `col`, `u.col`, `col as alias`, `u.*`. Offsets are within the string. */
export type KnexColumnName = { qualifier: string[]; column: string; columnStart: number; alias?: string; star: boolean };

/** Parses a table argument; undefined when it is not a plain name (raw SQL, a subquery string). */
export function parseKnexTable(text: string): KnexTableName | undefined {
  const match = /^(\s*)([A-Za-z_][\w$.-]*)(?:\s+as\s+([A-Za-z_][\w$]*))?\s*$/i.exec(text);
  const name = match?.[2];
  if (match === null || name === undefined) return undefined;
  const nameStart = match[1]?.length ?? 0;
  const table: KnexTableName = { parts: name.split('.'), nameStart, nameEnd: nameStart + name.length };
  if (match[3] !== undefined) table.alias = match[3];
  return table;
}

/** Parses a column argument; undefined when it is an expression rather than a name. */
export function parseKnexColumn(text: string): KnexColumnName | undefined {
  const match = /^(\s*)((?:[A-Za-z_][\w$]*\.){0,2})([A-Za-z_][\w$]*|\*)(?:\s+as\s+([A-Za-z_][\w$]*))?\s*$/i.exec(text);
  const column = match?.[3];
  if (match === null || column === undefined) return undefined;
  const qualifierText = match[2] ?? '';
  const parsed: KnexColumnName = {
    qualifier: qualifierText === '' ? [] : qualifierText.slice(0, -1).split('.'),
    column,
    columnStart: (match[1]?.length ?? 0) + qualifierText.length,
    star: column === '*',
  };
  if (match[4] !== undefined) parsed.alias = match[4];
  return parsed;
}
