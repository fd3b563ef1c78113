import type { Account, Repo } from '../state/types.js';

export type AuthorAssociation = 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE';

/** How GitHub relates an author to a repository (`author_association`). */
export function authorAssociation(repo: Repo, account: Account): AuthorAssociation {
  if (account.type === 'Bot') return 'NONE';
  if (account.id === repo.owner.id) return 'OWNER';
  if (!repo.collaborators.has(account.login.toLowerCase())) return 'NONE';
  // Collaborators of an organization's repository are treated as its members.
  return repo.owner.type === 'Organization' ? 'MEMBER' : 'COLLABORATOR';
}
