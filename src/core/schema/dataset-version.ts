/**
 * The version a physical name carries, if any: `analytics.users_v2` → `2`,
 * `acme.users.v1.User` → `1`, `orders-v3` → `3`. The last version token wins.
 */
export function findVersionInName(physicalName: string): string | undefined {
  const matches = [...physicalName.matchAll(/(?:^|[._/-])v(\d+)(?=$|[._/-])/gi)];
  return matches.at(-1)?.[1];
}

/** The name with its version token removed, to tell "moved to a new version" from a real rename. */
export function stripVersionFromName(physicalName: string): string {
  return physicalName.replace(/(^|[._/-])v\d+(?=$|[._/-])/gi, '$1').replace(/([._/-])\1+/g, '$1').replace(/[._/-]$/, '');
}
