import type { Label, Repo } from '../state/types.js';
import type { Urls } from './urls.js';
import { nodeId, repoApiUrl } from './urls.js';

/** `label`. */
export function presentLabel(urls: Urls, repo: Repo, label: Label) {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${repoApiUrl(urls, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.isDefault,
    description: label.description,
  };
}

/** The labels named on an issue, in the order they were added, skipping any since deleted. */
export function presentIssueLabels(urls: Urls, repo: Repo, names: readonly string[]) {
  return names.flatMap((name) => {
    const label = repo.labels.get(name.toLowerCase());
    return label === undefined ? [] : [presentLabel(urls, repo, label)];
  });
}
