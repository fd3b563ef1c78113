/** A JSON object as `JSON.parse` returns it. */
export type JsonObject = { [key: string]: unknown };

/** Whether a parsed JSON value is an object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string member of an object, if it is one. */
export function findString(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * JSON text with object keys sorted, so two spellings of the same value compare equal
 * (enum members that are objects, for instance).
 */
export function renderCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(renderCanonicalJson).join(',')}]`;
  if (isJsonObject(value)) {
    const members = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${renderCanonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
