export type { CloneCache, Workspace } from './clone-cache.js';
export { createCloneCache } from './clone-cache.js';
export type { CommitAndPushInput, GitIdentity, PushResult } from './commit-and-push.js';
export { commitAndPush } from './commit-and-push.js';
export { GitCommandError } from './git-client.js';
export { gitAuthEnv, redactToken } from './git-auth.js';
export type { RemoteBranch } from './inspect-remote-branch.js';
export { inspectRemoteBranch } from './inspect-remote-branch.js';
