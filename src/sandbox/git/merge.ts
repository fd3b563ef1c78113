import { runGit } from './run-git.js';

export type MergeTreeResult = { kind: 'clean'; tree: string } | { kind: 'conflict'; files: string[] };

/** Merges two commits without a worktree (`git merge-tree --write-tree`, git ≥ 2.38). */
export async function mergeTrees(gitDir: string, base: string, head: string): Promise<MergeTreeResult> {
  const run = await runGit(gitDir, ['merge-tree', '--write-tree', '--name-only', '--no-messages', base, head], { allowExit: [1] });
  const [tree = '', ...rest] = run.stdout.toString('utf8').split('\n');
  if (run.exitCode === 0) return { kind: 'clean', tree: tree.trim() };
  return { kind: 'conflict', files: rest.map((line) => line.trim()).filter((line) => line !== '') };
}
