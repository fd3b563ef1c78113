import { openGit, withGit } from './git-client.js';

/** A branch on the remote as the last fetch saw it, and whether anyone but the bot committed to it. */
export type RemoteBranch = { exists: false } | { exists: true; sha: string; editedBy: string[] };

/**
 * Inspects `origin/<branch>` in a workspace made by the clone cache (its fetch brings every
 * branch): the authors of the commits it has beyond `origin/<baseBranch>`, other than the bot.
 */
export async function inspectRemoteBranch(input: { dir: string; branch: string; baseBranch: string; botEmail: string }): Promise<RemoteBranch> {
  const git = openGit(input.dir);
  const ref = `refs/remotes/origin/${input.branch}`;
  // for-each-ref prints nothing for a missing ref, where show-ref would fail.
  const found = await withGit('for-each-ref', undefined, () => git.raw(['for-each-ref', '--format=%(objectname)', ref]));
  const sha = found.trim();
  if (sha === '') return { exists: false };
  const authors = await withGit('log', undefined, () => git.raw(['log', '--format=%ae%x09%ce', `refs/remotes/origin/${input.baseBranch}..${ref}`]));
  const people = new Set<string>();
  for (const line of authors.split('\n')) {
    for (const email of line.split('\t')) {
      if (email !== '' && email.toLowerCase() !== input.botEmail.toLowerCase()) people.add(email);
    }
  }
  return { exists: true, sha, editedBy: [...people].sort() };
}
