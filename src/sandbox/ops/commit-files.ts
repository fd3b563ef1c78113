import type { SandboxContext } from '../context.js';
import type { FileChanges, GitPerson } from '../git/index.js';
import { writeCommit, writeRef, writeTreeWithChanges } from '../git/index.js';
import { GitHubError } from '../http/github-error.js';
import type { Account, Repo } from '../state/types.js';
import { findBranchSha, noreplyEmail } from './lookup.js';
import { applyRefUpdates, zeroSha } from './pushes.js';

export type CommitToBranchInput = {
  branch: string;
  changes: FileChanges;
  message: string;
  author: Account;
  /** Where a branch that does not exist yet starts (default: the default branch). */
  from?: string;
};

/** A person's git identity as GitHub records it for web and API commits. */
export function personFor(account: Account, date: string): GitPerson {
  return { name: account.name ?? account.login, email: account.email ?? noreplyEmail(account), date };
}

/**
 * Commits file changes on top of a branch (creating it when missing) and moves the branch, then
 * does what GitHub does after a push. Serialized per repository with git pushes and merges.
 */
export async function commitToBranch(context: SandboxContext, repo: Repo, input: CommitToBranchInput): Promise<{ sha: string; before: string | undefined }> {
  return context.repoLock.run(String(repo.id), async () => {
    const ref = `refs/heads/${input.branch}`;
    const before = await findBranchSha(repo, input.branch);
    const parent = before ?? (await findBranchSha(repo, input.from ?? repo.defaultBranch));
    if (parent === undefined && input.from !== undefined) throw new GitHubError(404, `Branch ${input.from} not found`);
    const tree = await writeTreeWithChanges(repo.gitDir, parent, input.changes);
    const person = personFor(input.author, context.clock.iso());
    const sha = await writeCommit(repo.gitDir, { tree, parents: parent === undefined ? [] : [parent], message: input.message, author: person, committer: person });
    await writeRef(repo.gitDir, ref, sha, before ?? zeroSha);
    await applyRefUpdates(context, repo, [{ ref, before: before ?? zeroSha, after: sha }], input.author);
    return { sha, before };
  });
}
