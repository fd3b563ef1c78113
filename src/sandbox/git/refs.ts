import { gitText, runGit } from './run-git.js';

/** Every branch and tag of a bare repository: full ref name → commit sha. */
export async function readRefs(gitDir: string): Promise<Map<string, string>> {
  const text = await gitText(gitDir, ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads', 'refs/tags']);
  const refs = new Map<string, string>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) refs.set(line.slice(space + 1), line.slice(0, space));
  }
  return refs;
}

/** The commit a branch, tag or sha names, or undefined when it names nothing. */
export async function findCommitSha(gitDir: string, revision: string): Promise<string | undefined> {
  if (revision.startsWith('-')) return undefined;
  const run = await runGit(gitDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], { allowExit: [1, 128] });
  const sha = run.stdout.toString('utf8').trim();
  return run.exitCode === 0 && sha !== '' ? sha : undefined;
}

/** Moves `ref` to `sha`; when `expectedOld` is given the move happens only if the ref still points there. */
export async function writeRef(gitDir: string, ref: string, sha: string, expectedOld?: string): Promise<void> {
  await runGit(gitDir, ['update-ref', ref, sha, ...(expectedOld === undefined ? [] : [expectedOld])]);
}

export async function deleteRef(gitDir: string, ref: string): Promise<void> {
  await runGit(gitDir, ['update-ref', '-d', ref]);
}

/** Whether `ancestor` is reachable from `descendant` (a fast-forward from one to the other). */
export async function isAncestor(gitDir: string, ancestor: string, descendant: string): Promise<boolean> {
  const run = await runGit(gitDir, ['merge-base', '--is-ancestor', ancestor, descendant], { allowExit: [1] });
  return run.exitCode === 0;
}

export async function findMergeBase(gitDir: string, a: string, b: string): Promise<string | undefined> {
  const run = await runGit(gitDir, ['merge-base', a, b], { allowExit: [1] });
  const sha = run.stdout.toString('utf8').trim();
  return run.exitCode === 0 && sha !== '' ? sha : undefined;
}

/** Commits reachable from `head` but not from `base`, oldest first. */
export async function listCommitsBetween(gitDir: string, base: string, head: string): Promise<string[]> {
  const text = await gitText(gitDir, ['rev-list', '--reverse', `${base}..${head}`]);
  return text === '' ? [] : text.split('\n');
}
