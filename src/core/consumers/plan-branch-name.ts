import type { ChangeSet } from '../schema/index.js';

/** Git ref names refuse spaces, `~^:?*[\`, `..` and more; keep to a safe subset. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[-.]+|[-.]+$/g, '') || 'dataset';
}

/** The deterministic branch of a migration in every consumer: `downstream/<dataset>/<toVersion or short sha>`. */
export function planBranchName(changeSet: ChangeSet, upstreamSha: string): string {
  const version = changeSet.toVersion !== undefined && changeSet.toVersion !== changeSet.fromVersion ? `v${changeSet.toVersion}` : upstreamSha.slice(0, 7);
  return `downstream/${slug(changeSet.dataset.name)}/${slug(version)}`;
}
