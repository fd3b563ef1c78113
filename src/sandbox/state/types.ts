// The sandbox's in-memory model of GitHub: what REST handlers read and change, and what
// presenters and webhook payloads are built from. Timestamps are ISO strings from the sandbox clock.

/** A repository role, as GitHub's permission API names it in `role_name`. */
export type Role = 'read' | 'triage' | 'write' | 'maintain' | 'admin';

export type AccountType = 'User' | 'Organization' | 'Bot';

export type Account = { id: number; login: string; type: AccountType; name: string | null; email: string | null; createdAt: string };

export type Permissions = Record<string, 'read' | 'write'>;

export type App = {
  id: number;
  slug: string;
  name: string;
  owner: Account;
  bot: Account;
  clientId: string;
  permissions: Permissions;
  events: string[];
  createdAt: string;
};

export type Installation = {
  id: number;
  app: App;
  account: Account;
  selection: 'all' | 'selected';
  repoIds: Set<number>;
  createdAt: string;
};

export type Token = {
  token: string;
  expiresAt: number;
  /** Installation tokens act as the app's bot; user tokens act as a person. */
  kind: 'installation' | 'user';
  installationId: number | undefined;
  account: Account;
  /** Repositories the token reaches; undefined means every repository (user tokens). */
  repoIds: Set<number> | undefined;
  permissions: Permissions;
};

export type Label = { id: number; name: string; color: string; description: string | null; isDefault: boolean };

export type ReactionContent = '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes';

export type Reaction = { id: number; content: ReactionContent; user: Account; createdAt: string };

export type Comment = {
  id: number;
  repoId: number;
  issueNumber: number;
  body: string;
  user: Account;
  viaApp: App | undefined;
  createdAt: string;
  updatedAt: string;
  reactions: Reaction[];
};

export type AutoMerge = { enabledBy: Account; mergeMethod: 'merge' | 'squash' | 'rebase'; enabledAt: string };

export type PullData = {
  /** A pull request has its own id, distinct from its issue's. */
  id: number;
  headRef: string;
  headSha: string;
  baseRef: string;
  /** The base branch's tip when last looked at (GitHub shows the tip at the time of the request). */
  baseSha: string;
  draft: boolean;
  maintainerCanModify: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: Account | null;
  mergeCommitSha: string | null;
  requestedReviewers: Account[];
  /** null while GitHub would still be computing it, as on GitHub. */
  mergeable: boolean | null;
  /** `head..base` the mergeable value was computed for. */
  mergeableKey: string | null;
  autoMerge: AutoMerge | null;
};

export type Issue = {
  id: number;
  repoId: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  user: Account;
  labels: string[];
  assignees: Account[];
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: Account | null;
  reactions: Reaction[];
  pull: PullData | undefined;
};

export type CheckStatus = 'queued' | 'in_progress' | 'completed';
export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required';

export type CheckSuite = {
  id: number;
  repoId: number;
  app: App;
  headSha: string;
  headBranch: string | null;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  createdAt: string;
  updatedAt: string;
};

export type CheckOutput = { title: string | null; summary: string | null; text: string | null };

export type CheckRun = {
  id: number;
  repoId: number;
  suiteId: number;
  app: App;
  headSha: string;
  name: string;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  startedAt: string;
  completedAt: string | null;
  externalId: string;
  detailsUrl: string | null;
  output: CheckOutput;
};

export type StatusState = 'error' | 'failure' | 'pending' | 'success';

export type CommitStatus = {
  id: number;
  repoId: number;
  sha: string;
  state: StatusState;
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: Account;
  createdAt: string;
};

/** Per-repository control of the consumer CI runner. */
export type CiControl = { enabled: boolean; forced: 'success' | 'failure' | undefined };

export type Repo = {
  id: number;
  owner: Account;
  name: string;
  description: string | null;
  defaultBranch: string;
  topics: string[];
  private: boolean;
  collaborators: Map<string, { account: Account; role: Role }>;
  gitDir: string;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
  labels: Map<string, Label>;
  nextNumber: number;
  issues: Map<number, Issue>;
  ci: CiControl;
};
