const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the textual form of a uuid; lookups by anything else find nothing instead of failing in SQL. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
