import type { SandboxContext } from '../context.js';
import { notFound } from '../http/github-error.js';
import { commitToBranch } from '../ops/commit-files.js';
import { addLabels, createComment, createIssue, removeLabel, updateComment, updateIssue } from '../ops/issues.js';
import { getIssueOrThrow, getPullOrThrow } from '../ops/lookup.js';
import type { MergeMethod } from '../ops/pulls.js';
import { createPull, mergePull, updatePull } from '../ops/pulls.js';
import { setRole, setTopics } from '../ops/repos.js';
import { ensureAccount, findRepo } from '../state/store.js';
import type { Account, Repo, Role } from '../state/types.js';

/** Names a repository; `as` is the person acting (default `octocat`, created on first use). */
export type RepoTarget = { owner: string; repo: string };
export type PersonInput = RepoTarget & { as?: string };

/** What a person can do in the sandbox, as through GitHub's web UI. Each sends the webhooks GitHub sends. */
export type PersonActions = {
  comment(input: PersonInput & { number: number; body: string }): Promise<{ id: number }>;
  editComment(input: PersonInput & { commentId: number; body: string }): Promise<void>;
  openIssue(input: PersonInput & { title: string; body?: string; labels?: readonly string[] }): Promise<{ number: number }>;
  closeIssue(input: PersonInput & { number: number }): Promise<void>;
  openPull(input: PersonInput & { head: string; base?: string; title?: string; body?: string }): Promise<{ number: number }>;
  editPull(input: PersonInput & { number: number; title?: string; body?: string }): Promise<void>;
  closePull(input: PersonInput & { number: number }): Promise<void>;
  reopenPull(input: PersonInput & { number: number }): Promise<void>;
  merge(input: PersonInput & { number: number; method?: MergeMethod }): Promise<{ sha: string }>;
  /** Commits files (null deletes) to a branch, creating it from `from` (default: the default branch). */
  pushFiles(input: PersonInput & { branch: string; files: Readonly<Record<string, string | null>>; message?: string; from?: string }): Promise<{ sha: string }>;
  addLabel(input: PersonInput & { number: number; label: string }): Promise<void>;
  removeLabel(input: PersonInput & { number: number; label: string }): Promise<void>;
  setTopics(input: RepoTarget & { topics: readonly string[] }): Promise<void>;
  /** Gives `login` a role on the repository, or removes them with `null`. */
  setRole(input: RepoTarget & { login: string; role: Role | null }): Promise<void>;
};

/** The login person actions default to. */
export const defaultPerson = 'octocat';

function repoOrThrow(context: SandboxContext, target: RepoTarget): Repo {
  const repo = findRepo(context.store, target.owner, target.repo);
  if (repo === undefined) throw notFound();
  return repo;
}

function person(context: SandboxContext, login: string | undefined): Account {
  return ensureAccount(context.store, login ?? defaultPerson, 'User', context.clock.iso());
}

export function createPersonActions(context: SandboxContext): PersonActions {
  return {
    async comment(input) {
      const repo = repoOrThrow(context, input);
      return { id: createComment(context, repo, getIssueOrThrow(repo, input.number), input.body, person(context, input.as)).id };
    },
    async editComment(input) {
      const repo = repoOrThrow(context, input);
      const comment = context.store.comments.get(input.commentId);
      if (comment === undefined || comment.repoId !== repo.id) throw notFound();
      updateComment(context, repo, comment, input.body, person(context, input.as));
    },
    async openIssue(input) {
      const repo = repoOrThrow(context, input);
      const issue = await createIssue(context, repo, { title: input.title, body: input.body ?? null, labels: input.labels ?? [], assignees: [], author: person(context, input.as) });
      return { number: issue.number };
    },
    async closeIssue(input) {
      const repo = repoOrThrow(context, input);
      await updateIssue(context, repo, getIssueOrThrow(repo, input.number), { state: 'closed', actor: person(context, input.as) });
    },
    async openPull(input) {
      const repo = repoOrThrow(context, input);
      const issue = await createPull(context, repo, {
        head: input.head,
        base: input.base ?? repo.defaultBranch,
        title: input.title ?? input.head,
        body: input.body ?? null,
        draft: false,
        maintainerCanModify: true,
        author: person(context, input.as),
      });
      return { number: issue.number };
    },
    async editPull(input) {
      const repo = repoOrThrow(context, input);
      await updatePull(context, repo, getPullOrThrow(repo, input.number), {
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.body === undefined ? {} : { body: input.body }),
        actor: person(context, input.as),
      });
    },
    async closePull(input) {
      const repo = repoOrThrow(context, input);
      await updatePull(context, repo, getPullOrThrow(repo, input.number), { state: 'closed', actor: person(context, input.as) });
    },
    async reopenPull(input) {
      const repo = repoOrThrow(context, input);
      await updatePull(context, repo, getPullOrThrow(repo, input.number), { state: 'open', actor: person(context, input.as) });
    },
    async merge(input) {
      const repo = repoOrThrow(context, input);
      const sha = await mergePull(context, repo, getPullOrThrow(repo, input.number), { method: input.method ?? 'merge', actor: person(context, input.as) });
      return { sha };
    },
    async pushFiles(input) {
      const repo = repoOrThrow(context, input);
      const changes = Object.fromEntries(Object.entries(input.files));
      const { sha } = await commitToBranch(context, repo, {
        branch: input.branch,
        changes,
        message: input.message ?? `Update ${Object.keys(input.files).join(', ')}`,
        author: person(context, input.as),
        ...(input.from === undefined ? {} : { from: input.from }),
      });
      return { sha };
    },
    async addLabel(input) {
      const repo = repoOrThrow(context, input);
      await addLabels(context, repo, getIssueOrThrow(repo, input.number), [input.label], person(context, input.as));
    },
    async removeLabel(input) {
      const repo = repoOrThrow(context, input);
      await removeLabel(context, repo, getIssueOrThrow(repo, input.number), input.label, person(context, input.as));
    },
    async setTopics(input) {
      setTopics(context, repoOrThrow(context, input), input.topics);
    },
    async setRole(input) {
      setRole(context, repoOrThrow(context, input), input.login, input.role);
    },
  };
}
