import { runGit } from './run-git.js';

export type TreeEntry = { mode: string; type: 'blob' | 'tree' | 'commit'; sha: string; size: number; path: string };

function parseEntries(output: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const line of output.toString('utf8').split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', sha = '', size = '-'] = line.slice(0, tab).split(/\s+/);
    if (type !== 'blob' && type !== 'tree' && type !== 'commit') continue;
    entries.push({ mode, type, sha, size: size === '-' ? 0 : Number(size), path: line.slice(tab + 1) });
  }
  return entries;
}

/** The entry at `filePath` in commit `sha` (the root tree when the path is empty), or undefined. */
export async function findTreeEntry(gitDir: string, sha: string, filePath: string): Promise<TreeEntry | undefined> {
  const clean = filePath.replace(/^\/+|\/+$/g, '');
  if (clean === '') {
    const run = await runGit(gitDir, ['rev-parse', `${sha}^{tree}`]);
    return { mode: '040000', type: 'tree', sha: run.stdout.toString('utf8').trim(), size: 0, path: '' };
  }
  const run = await runGit(gitDir, ['ls-tree', '-z', '--long', '--full-tree', sha, '--', clean]);
  return parseEntries(run.stdout).find((entry) => entry.path === clean);
}

/** The entries directly inside directory `dirPath` of commit `sha`. */
export async function listDirectory(gitDir: string, sha: string, dirPath: string): Promise<TreeEntry[]> {
  const clean = dirPath.replace(/^\/+|\/+$/g, '');
  const run = await runGit(gitDir, ['ls-tree', '-z', '--long', '--full-tree', clean === '' ? sha : `${sha}:${clean}`]);
  return parseEntries(run.stdout).map((entry) => ({ ...entry, path: clean === '' ? entry.path : `${clean}/${entry.path}` }));
}

/** The bytes of a blob. */
export async function readBlob(gitDir: string, blobSha: string): Promise<Buffer> {
  return (await runGit(gitDir, ['cat-file', 'blob', blobSha])).stdout;
}

/** The bytes of `filePath` at commit `sha`, or undefined when there is no such file. */
export async function findFileAt(gitDir: string, sha: string, filePath: string): Promise<Buffer | undefined> {
  const entry = await findTreeEntry(gitDir, sha, filePath);
  return entry?.type === 'blob' ? readBlob(gitDir, entry.sha) : undefined;
}
