import type { Change } from '../schema/index.js';
import type { Transform } from './transform.js';

/**
 * The words a file must contain to be worth parsing. Every reference to a field contains its old
 * name, and every reference to the dataset one of its names, so a file without any of them cannot
 * hold a site to fix (computed names like `row['user' + '_id']` escape this, and the type checker too).
 * The dataset's names count for field changes too: `SELECT * FROM analytics.users_v1` names no
 * column, yet reads every one, and must be listed as a site for a person.
 */
export function planTokens(changes: readonly Change[], transforms: readonly Transform[], datasetNames: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const change of changes) {
    if (change.kind.startsWith('dataset.')) {
      for (const name of datasetNames) tokens.add(name);
      if (change.from !== undefined) tokens.add(change.from);
    } else {
      for (const name of datasetNames) tokens.add(name);
      const leaf = change.path.at(-1);
      if (leaf !== undefined) tokens.add(leaf);
      if ((change.kind === 'field.renamed' || change.kind === 'field.suspected-rename') && change.from !== undefined) {
        tokens.add(change.from.split('.').at(-1) ?? change.from);
      }
    }
    for (const transform of transforms) {
      if (transform.handles(change)) for (const token of transform.tokens?.(change) ?? []) tokens.add(token);
    }
  }
  tokens.delete('');
  return [...tokens].sort();
}

/** Whether a text mentions any token (a plain substring test: cheap, and a superset of real references). */
export function mentionsAnyToken(text: string, tokens: readonly string[]): boolean {
  return tokens.some((token) => text.includes(token));
}
