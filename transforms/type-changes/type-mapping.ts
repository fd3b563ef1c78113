// The TypeScript spelling of a schema type signature when there is exactly one sensible choice.
// `long` and `decimal` may arrive as number, bigint or string depending on the driver, `date` and
// `timestamp` as Date or string, so those are never guessed (docs/codemods.md).
const certain: Readonly<Record<string, string>> = {
  string: 'string',
  enum: 'string',
  boolean: 'boolean',
  int: 'number',
  float: 'number',
  double: 'number',
};

/** The TypeScript type for a signature (`int`, `array<string>`), or undefined when it is not certain. */
export function findTsType(signature: string): string | undefined {
  const collection = /^array<(.+)>$/.exec(signature);
  if (collection?.[1] !== undefined) {
    const element = findTsType(collection[1]);
    return element === undefined ? undefined : `${element}[]`;
  }
  return certain[signature];
}

/** Spellings a property may already have for a signature, including the uncertain ones. */
export function acceptsTsType(signature: string, written: string): boolean {
  const compact = written.replace(/\s+/g, '');
  const exact = findTsType(signature);
  if (exact !== undefined && compact === exact.replace(/\s+/g, '')) return true;
  if (signature === 'long' || signature === 'decimal') return ['number', 'bigint', 'string'].includes(compact);
  if (signature === 'date' || signature === 'timestamp') return ['Date', 'string'].includes(compact);
  return false;
}

/** The zod factory for a signature (`z.string()`), when certain. */
export function findZodFactory(signature: string): string | undefined {
  const tsType = findTsType(signature);
  return tsType === 'string' || tsType === 'number' || tsType === 'boolean' ? tsType : undefined;
}
