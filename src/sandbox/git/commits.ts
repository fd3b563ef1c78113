import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gitText, runGit } from './run-git.js';

/** Who wrote or committed a commit; `date` is an ISO timestamp (defaults to now in git's clock). */
export type GitPerson = { name: string; email: string; date: string };

export type CommitInfo = {
  sha: string;
  tree: string;
  parents: string[];
  author: GitPerson;
  committer: GitPerson;
  message: string;
};

const fieldSeparator = '\u001f';
const recordSeparator = '\u001e';

/** Reads commits' metadata, one per sha asked for, in the order given (repeats included). */
export async function readCommits(gitDir: string, shas: readonly string[]): Promise<CommitInfo[]> {
  if (shas.length === 0) return [];
  const unique = [...new Set(shas)];
  if (unique.length < shas.length) {
    // git shows each object once; answer every position anyway.
    const byShaList = await readCommits(gitDir, unique);
    const bySha = new Map(byShaList.map((commit) => [commit.sha, commit]));
    return shas.flatMap((sha) => {
      const commit = bySha.get(sha);
      return commit === undefined ? [] : [commit];
    });
  }
  const format = ['%H', '%T', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B'].join(fieldSeparator) + recordSeparator;
  const text = await gitText(gitDir, ['show', '--no-patch', '--no-walk=unsorted', `--format=${format}`, ...shas]);
  const commits: CommitInfo[] = [];
  for (const record of text.split(recordSeparator)) {
    const [sha, tree, parents, an, ae, ad, cn, ce, cd, ...message] = record.replace(/^\n/, '').split(fieldSeparator);
    if (sha === undefined || sha === '' || tree === undefined) continue;
    commits.push({
      sha,
      tree,
      parents: parents === undefined || parents === '' ? [] : parents.split(' '),
      author: { name: an ?? '', email: ae ?? '', date: toUtc(ad ?? '') },
      committer: { name: cn ?? '', email: ce ?? '', date: toUtc(cd ?? '') },
      message: message.join(fieldSeparator).replace(/\n+$/, ''),
    });
  }
  return commits;
}

function toUtc(isoWithOffset: string): string {
  const time = Date.parse(isoWithOffset);
  return Number.isNaN(time) ? isoWithOffset : new Date(time).toISOString().replace('.000Z', 'Z');
}

function identityEnv(author: GitPerson, committer: GitPerson): Record<string, string> {
  const gitDate = (iso: string) => `@${Math.floor(Date.parse(iso) / 1000)} +0000`;
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: gitDate(author.date),
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
    GIT_COMMITTER_DATE: gitDate(committer.date),
  };
}

/** Writes a commit object for `tree` with `parents`; moves no ref. */
export async function writeCommit(gitDir: string, input: { tree: string; parents: readonly string[]; message: string; author: GitPerson; committer: GitPerson }): Promise<string> {
  const parentArgs = input.parents.flatMap((parent) => ['-p', parent]);
  return gitText(gitDir, ['commit-tree', input.tree, ...parentArgs], { input: `${input.message}\n`, env: identityEnv(input.author, input.committer) });
}

async function withTempIndex<T>(work: (env: Record<string, string>) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sandbox-index-'));
  try {
    return await work({ GIT_INDEX_FILE: path.join(dir, 'index') });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The tree of every file under `dir` (honouring its .gitignore files; `.git` is never included). */
export async function writeTreeFromDirectory(gitDir: string, dir: string): Promise<string> {
  return withTempIndex(async (env) => {
    await runGit(gitDir, ['--work-tree', dir, 'add', '--all', '.'], { env, cwd: dir });
    return gitText(gitDir, ['write-tree'], { env });
  });
}

/** File changes on top of a commit: text or bytes to write, null to delete. */
export type FileChanges = Readonly<Record<string, string | Buffer | null>>;

/** The tree of `parent` (a commit or tree; none for an empty tree) with `changes` applied. */
export async function writeTreeWithChanges(gitDir: string, parent: string | undefined, changes: FileChanges): Promise<string> {
  return withTempIndex(async (env) => {
    if (parent !== undefined) await runGit(gitDir, ['read-tree', parent], { env });
    for (const [file, content] of Object.entries(changes)) {
      if (content === null) {
        // A zero mode and id in --index-info drops the entry; --force-remove would need a work tree.
        await runGit(gitDir, ['update-index', '--index-info'], { env, input: `0 ${'0'.repeat(40)}\t${file}\n` });
        continue;
      }
      const blob = await gitText(gitDir, ['hash-object', '-w', '--stdin'], { input: content });
      await runGit(gitDir, ['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`], { env });
    }
    return gitText(gitDir, ['write-tree'], { env });
  });
}
