/** Avro's primitive type names; they live in no namespace and cannot be redefined. */
export const avroPrimitives = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'] as const;

export type AvroPrimitive = (typeof avroPrimitives)[number];

export function isAvroPrimitive(name: string): name is AvroPrimitive {
  return (avroPrimitives as readonly string[]).includes(name);
}

/**
 * The full name a written name stands for inside `namespace`, by the rules avsc applies (so our
 * walk resolves exactly the names avsc accepted): dotted names are already full, a leading dot
 * means the null namespace, and primitives are never qualified.
 */
export function qualifyAvroName(name: string, namespace: string | undefined): string {
  const last = name.split('.').at(-1) ?? name;
  if (isAvroPrimitive(last)) return last;
  if (name.includes('.')) return name.replace(/^\./, '');
  return namespace ? `${namespace}.${name}` : name;
}

/** The namespace a dotted name implies (`com.acme.User` → `com.acme`; `.User` → the null namespace, `''`). */
export function findImpliedNamespace(name: string): string | undefined {
  const at = name.lastIndexOf('.');
  return at < 0 ? undefined : name.slice(0, at);
}

/** The name without its namespace. */
export function shortAvroName(fullName: string): string {
  return fullName.split('.').at(-1) ?? fullName;
}
