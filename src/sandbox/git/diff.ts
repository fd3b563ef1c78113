import { runGit } from './run-git.js';

export type DiffStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed';

export type DiffFile = {
  filename: string;
  previousFilename: string | undefined;
  status: DiffStatus;
  /** The blob on the new side (the old one for a removed file). */
  sha: string;
  additions: number;
  deletions: number;
  /** Unified diff hunks without the file header, as GitHub's `patch`; undefined for binary files. */
  patch: string | undefined;
};

const statusByLetter: Record<string, DiffStatus> = { A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' };

type RawEntry = { status: DiffStatus; oldSha: string; newSha: string; from: string; to: string };

function parseRaw(output: string): RawEntry[] {
  const parts = output.split('\0');
  const entries: RawEntry[] = [];
  for (let index = 0; index < parts.length; ) {
    const header = parts[index] ?? '';
    index += 1;
    if (!header.startsWith(':')) continue;
    const [, , oldSha = '', newSha = '', code = 'M'] = header.slice(1).split(' ');
    const letter = code.charAt(0);
    const from = parts[index] ?? '';
    index += 1;
    let to = from;
    if (letter === 'R' || letter === 'C') {
      to = parts[index] ?? '';
      index += 1;
    }
    entries.push({ status: statusByLetter[letter] ?? 'modified', oldSha, newSha, from, to });
  }
  return entries;
}

function splitPatches(patch: string): Map<string, string | undefined> {
  const byFile = new Map<string, string | undefined>();
  for (const chunk of patch.split(/^(?=diff --git )/m)) {
    const target = /^\+\+\+ b\/(.*)$/m.exec(chunk)?.[1] ?? /^--- a\/(.*)$/m.exec(chunk)?.[1] ?? /^rename to (.*)$/m.exec(chunk)?.[1];
    if (target === undefined) continue;
    const hunkStart = chunk.indexOf('\n@@');
    byFile.set(target, hunkStart < 0 ? undefined : chunk.slice(hunkStart + 1).replace(/\n$/, ''));
  }
  return byFile;
}

/** The files that differ between two commits, with line counts and patches (renames detected). */
export async function diffCommits(gitDir: string, from: string, to: string): Promise<DiffFile[]> {
  const [raw, numstat, patch] = await Promise.all([
    runGit(gitDir, ['diff', '--raw', '-z', '-M', '--no-abbrev', from, to]),
    runGit(gitDir, ['diff', '--numstat', '-z', '-M', from, to]),
    runGit(gitDir, ['diff', '-M', '--no-color', '--no-ext-diff', from, to]),
  ]);
  const counts = parseNumstat(numstat.stdout.toString('utf8'));
  const patches = splitPatches(patch.stdout.toString('utf8'));
  return parseRaw(raw.stdout.toString('utf8')).map((entry) => {
    const count = counts.get(entry.to) ?? { additions: 0, deletions: 0 };
    return {
      filename: entry.to,
      previousFilename: entry.status === 'renamed' || entry.status === 'copied' ? entry.from : undefined,
      status: entry.status,
      sha: entry.status === 'removed' ? entry.oldSha : entry.newSha,
      additions: count.additions,
      deletions: count.deletions,
      patch: patches.get(entry.to),
    };
  });
}

function parseNumstat(output: string): Map<string, { additions: number; deletions: number }> {
  const counts = new Map<string, { additions: number; deletions: number }>();
  const parts = output.split('\0');
  for (let index = 0; index < parts.length; ) {
    const head = parts[index] ?? '';
    index += 1;
    const match = /^(\d+|-)\t(\d+|-)\t(.*)$/.exec(head);
    if (match === null) continue;
    let file = match[3] ?? '';
    if (file === '') {
      // A rename: the old and new paths follow as their own fields.
      index += 1;
      file = parts[index] ?? '';
      index += 1;
    }
    counts.set(file, { additions: match[1] === '-' ? 0 : Number(match[1]), deletions: match[2] === '-' ? 0 : Number(match[2]) });
  }
  return counts;
}
