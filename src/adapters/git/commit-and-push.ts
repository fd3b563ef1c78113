import { openGit, withGit } from './git-client.js';

/** The identity commits are made under: the App's bot user. */
export type GitIdentity = { name: string; email: string };

export type CommitAndPushInput = {
  dir: string;
  remoteUrl: string;
  token?: string;
  branch: string;
  message: string;
  identity: GitIdentity;
  /**
   * What the remote branch must point at for the push to go through (`null`: must not exist),
   * so a person's push since we last looked is never overwritten.
   */
  expectedRemoteSha: string | null;
};

export type PushResult =
  | { kind: 'pushed'; sha: string }
  /** The remote branch already holds exactly this tree: nothing was pushed, so no CI re-runs and no notification. */
  | { kind: 'unchanged'; sha: string }
  | { kind: 'nothing-to-commit' }
  | { kind: 'rejected'; reason: string };

/** Commits every change in the working tree as the bot and pushes it to `branch` with a lease. */
export async function commitAndPush(input: CommitAndPushInput): Promise<PushResult> {
  const identityEnv = {
    GIT_AUTHOR_NAME: input.identity.name,
    GIT_AUTHOR_EMAIL: input.identity.email,
    GIT_COMMITTER_NAME: input.identity.name,
    GIT_COMMITTER_EMAIL: input.identity.email,
  };
  const local = openGit(input.dir, { env: identityEnv });
  const status = await withGit('status', undefined, () => openGit(input.dir).raw(['status', '--porcelain']));
  if (status.trim() === '') return { kind: 'nothing-to-commit' };
  await withGit('add', undefined, () => openGit(input.dir).raw(['add', '--all']));
  await withGit('commit', undefined, () => local.raw(['commit', '--quiet', '--no-verify', '-m', input.message]));
  const sha = (await withGit('rev-parse', undefined, () => openGit(input.dir).raw(['rev-parse', 'HEAD']))).trim();
  if (input.expectedRemoteSha !== null) {
    const trees = await withGit('rev-parse', undefined, () => openGit(input.dir).raw(['rev-parse', 'HEAD^{tree}', `${input.expectedRemoteSha}^{tree}`]));
    const [ours, theirs] = trees.trim().split('\n');
    if (ours !== undefined && ours === theirs) return { kind: 'unchanged', sha: input.expectedRemoteSha };
  }
  const lease = `--force-with-lease=refs/heads/${input.branch}:${input.expectedRemoteSha ?? ''}`;
  try {
    await withGit('push', input.token, () => openGit(input.dir, input.token === undefined ? {} : { token: input.token }).raw(['push', '--quiet', lease, input.remoteUrl, `HEAD:refs/heads/${input.branch}`]));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/stale info|rejected|fetch first|non-fast-forward/.test(message)) return { kind: 'rejected', reason: message };
    throw error;
  }
  return { kind: 'pushed', sha };
}
