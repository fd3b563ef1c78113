/** `users as u` → the table and the name the query uses for it. */
export type TableReference = { table: string; alias: string | undefined };

/** `u.user_id as id` → its parts, with offsets of the column inside the string. */
export type ColumnReference = { qualifier: string | undefined; column: string; alias: string | undefined; columnStart: number };

const tablePattern = /^\s*([A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*)?)(?:\s+as\s+([A-Za-z_][\w$]*))?\s*$/i;
const columnPattern = /^(\s*)(?:([A-Za-z_][\w$]*)\.)?([A-Za-z_][\w$]*)(?:\s+as\s+([A-Za-z_][\w$]*))?\s*$/i;

/** Reads a Kysely table argument, or undefined when it is not one (an expression, a callback). */
export function parseTableReference(text: string): TableReference | undefined {
  const match = tablePattern.exec(text);
  if (match?.[1] === undefined) return undefined;
  return { table: match[1], alias: match[2] };
}

/** Reads a Kysely column reference (`col`, `t.col`, `col as x`, `t.col as x`); `*` and expressions are not. */
export function parseColumnReference(text: string): ColumnReference | undefined {
  const match = columnPattern.exec(text);
  if (match?.[3] === undefined) return undefined;
  const qualifier = match[2];
  const columnStart = (match[1] ?? '').length + (qualifier === undefined ? 0 : qualifier.length + 1);
  return { qualifier, column: match[3], alias: match[4], columnStart };
}
