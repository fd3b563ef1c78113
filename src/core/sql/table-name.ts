/**
 * Splits a table name into its parts: `analytics.users_v1` → `analytics`, `users_v1`;
 * `` `acme-prod.crm.users` `` and `` `acme-prod`.crm.users `` → `acme-prod`, `crm`, `users`;
 * `"My Schema".users` → `My Schema`, `users`.
 */
export function splitTableName(name: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const char of name.trim()) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else if (quote === '`' && char === '.') {
        parts.push(current);
        current = '';
      } else current += char;
    } else if (char === '"' || char === '`') quote = char;
    else if (char === '.') {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.filter((part) => part !== '');
}

function sameParts(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((part, index) => part.toLowerCase() === right[index]?.toLowerCase());
}

/**
 * The dataset name a table reference denotes, if any: the reference is the name or a suffix of
 * it (`users_v1` for `analytics.users_v1`, resolved by the search path or default dataset), or
 * carries more qualification than a qualified name (`acme.analytics.users_v1`). The longest
 * matching name wins, so the caller knows how much qualification was left out.
 */
export function findDatasetName(reference: readonly string[], names: readonly (readonly string[])[]): readonly string[] | undefined {
  let best: readonly string[] | undefined;
  for (const name of names) {
    const matches =
      (reference.length <= name.length && sameParts(reference, name.slice(name.length - reference.length))) ||
      (name.length >= 2 && reference.length > name.length && sameParts(name, reference.slice(reference.length - name.length)));
    if (matches && (best === undefined || name.length > best.length)) best = name;
  }
  return best;
}

/**
 * The parts to write for a reference of `reference.length` parts that denoted `from`, now that the
 * table is `to`: the same amount of qualification when what was left out stays the same
 * (`users_v1` → `users_v2`), and the full new name when it moved elsewhere (`users` → `crm.users`).
 */
export function planMovedReference(reference: readonly string[], from: readonly string[], to: readonly string[]): string[] {
  if (reference.length > from.length) return [...reference.slice(0, reference.length - from.length), ...to];
  const omitted = from.length - reference.length;
  const keptOmission = to.length >= reference.length && sameParts(from.slice(0, omitted), to.slice(0, to.length - reference.length));
  return keptOmission ? to.slice(to.length - reference.length) : [...to];
}
