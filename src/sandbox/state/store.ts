import type { Account, AccountType, App, CheckRun, CheckSuite, Comment, CommitStatus, Installation, Repo, Token } from './types.js';

/** All sandbox state, in memory. Ids come from one global sequence, as GitHub's are unique per kind. */
export type Store = {
  nextId(): number;
  accounts: Map<string, Account>;
  repos: Map<string, Repo>;
  comments: Map<number, Comment>;
  checkSuites: Map<number, CheckSuite>;
  checkRuns: Map<number, CheckRun>;
  statuses: CommitStatus[];
  apps: Map<number, App>;
  installations: Map<number, Installation>;
  tokens: Map<string, Token>;
};

/** An empty store whose ids start at `firstId`. */
export function createStore(firstId = 1000): Store {
  let id = firstId;
  return {
    nextId: () => (id += 1),
    accounts: new Map(),
    repos: new Map(),
    comments: new Map(),
    checkSuites: new Map(),
    checkRuns: new Map(),
    statuses: [],
    apps: new Map(),
    installations: new Map(),
    tokens: new Map(),
  };
}

/** GitHub logins and repository names compare case-insensitively. */
export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

export function findRepo(store: Store, owner: string, name: string): Repo | undefined {
  return store.repos.get(repoKey(owner, name));
}

export function findRepoById(store: Store, id: number): Repo | undefined {
  for (const repo of store.repos.values()) if (repo.id === id) return repo;
  return undefined;
}

export function findAccount(store: Store, login: string): Account | undefined {
  return store.accounts.get(login.toLowerCase());
}

/** The account named `login`, created on first mention (people exist as soon as a test names them). */
export function ensureAccount(store: Store, login: string, type: AccountType, now: string): Account {
  const existing = findAccount(store, login);
  if (existing !== undefined) return existing;
  const account: Account = { id: store.nextId(), login, type, name: null, email: null, createdAt: now };
  store.accounts.set(login.toLowerCase(), account);
  return account;
}
