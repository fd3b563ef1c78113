import type { SandboxContext } from '../context.js';
import { emitRepoEvent } from '../events/emit.js';
import { GitHubError } from '../http/github-error.js';
import { presentComment, presentIssue } from '../present/issue.js';
import { presentLabel } from '../present/label.js';
import type { Account, Comment, Issue, Label, Reaction, ReactionContent, Repo } from '../state/types.js';
import { countComments, isPull } from './lookup.js';
import { emitPullEvent } from './pull-events.js';
import { updatePull } from './pulls.js';

/** Queues an `issues` webhook for a plain issue (pull requests send `pull_request` events instead). */
function emitIssueEvent(context: SandboxContext, repo: Repo, issue: Issue, action: string, sender: Account, extra: Record<string, unknown> = {}): void {
  const issuePayload = presentIssue(context.urls(), repo, issue, countComments(context.store, repo, issue.number));
  emitRepoEvent(context, repo, 'issues', action, sender, { issue: issuePayload, ...extra });
}

export type CreateIssueInput = { title: string; body: string | null; labels: readonly string[]; assignees: readonly Account[]; author: Account };

/** Opens an issue; its number comes from the sequence pull requests share. */
export async function createIssue(context: SandboxContext, repo: Repo, input: CreateIssueInput): Promise<Issue> {
  const now = context.clock.iso();
  const issue: Issue = {
    id: context.store.nextId(),
    repoId: repo.id,
    number: repo.nextNumber,
    title: input.title,
    body: input.body,
    state: 'open',
    stateReason: null,
    user: input.author,
    labels: input.labels.map((name) => ensureLabel(context, repo, name).name),
    assignees: [...input.assignees],
    locked: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    reactions: [],
    pull: undefined,
  };
  repo.nextNumber += 1;
  repo.issues.set(issue.number, issue);
  emitIssueEvent(context, repo, issue, 'opened', input.author);
  return issue;
}

export type UpdateIssueInput = {
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'reopened' | null;
  labels?: readonly string[];
  actor: Account;
};

/** Edits, closes, reopens or relabels an issue (or a pull request through the issues API). */
export async function updateIssue(context: SandboxContext, repo: Repo, issue: Issue, input: UpdateIssueInput): Promise<void> {
  if (input.labels !== undefined) await replaceLabels(context, repo, issue, input.labels, input.actor);
  if (isPull(issue)) {
    await updatePull(context, repo, issue, { ...pick(input), actor: input.actor });
    return;
  }
  const changes: Record<string, unknown> = {};
  if (input.title !== undefined && input.title !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = input.title;
  }
  if (input.body !== undefined && input.body !== issue.body) {
    changes.body = { from: issue.body ?? '' };
    issue.body = input.body;
  }
  const now = context.clock.iso();
  if (Object.keys(changes).length > 0) {
    issue.updatedAt = now;
    emitIssueEvent(context, repo, issue, 'edited', input.actor, { changes });
  }
  if (input.state === 'closed' && issue.state === 'open') {
    Object.assign(issue, { state: 'closed', stateReason: input.stateReason ?? 'completed', closedAt: now, closedBy: input.actor, updatedAt: now });
    emitIssueEvent(context, repo, issue, 'closed', input.actor);
  } else if (input.state === 'open' && issue.state === 'closed') {
    Object.assign(issue, { state: 'open', stateReason: 'reopened', closedAt: null, closedBy: null, updatedAt: now });
    emitIssueEvent(context, repo, issue, 'reopened', input.actor);
  }
}

function pick(input: UpdateIssueInput): { title?: string; body?: string | null; state?: 'open' | 'closed' } {
  return {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.body === undefined ? {} : { body: input.body }),
    ...(input.state === undefined ? {} : { state: input.state }),
  };
}

/** A label by name, created with GitHub's default colour when it does not exist (as adding labels does). */
export function ensureLabel(context: SandboxContext, repo: Repo, name: string, color = 'ededed', description: string | null = null): Label {
  const existing = repo.labels.get(name.toLowerCase());
  if (existing !== undefined) return existing;
  const label: Label = { id: context.store.nextId(), name, color, description, isDefault: false };
  repo.labels.set(name.toLowerCase(), label);
  return label;
}

async function emitLabelEvent(context: SandboxContext, repo: Repo, issue: Issue, action: 'labeled' | 'unlabeled', label: Label, actor: Account): Promise<void> {
  const labelPayload = presentLabel(context.urls(), repo, label);
  if (isPull(issue)) await emitPullEvent(context, repo, issue, action, actor, { label: labelPayload });
  else emitIssueEvent(context, repo, issue, action, actor, { label: labelPayload });
}

/** Adds labels (creating missing ones); each newly added label sends a `labeled` webhook. */
export async function addLabels(context: SandboxContext, repo: Repo, issue: Issue, names: readonly string[], actor: Account): Promise<void> {
  for (const name of names) {
    const label = ensureLabel(context, repo, name);
    if (issue.labels.some((present) => present.toLowerCase() === label.name.toLowerCase())) continue;
    issue.labels.push(label.name);
    issue.updatedAt = context.clock.iso();
    await emitLabelEvent(context, repo, issue, 'labeled', label, actor);
  }
}

/** Removes a label from an issue; 404 "Label does not exist" when it is not on it. */
export async function removeLabel(context: SandboxContext, repo: Repo, issue: Issue, name: string, actor: Account): Promise<void> {
  const index = issue.labels.findIndex((present) => present.toLowerCase() === name.toLowerCase());
  const label = repo.labels.get(name.toLowerCase());
  if (index < 0 || label === undefined) throw new GitHubError(404, 'Label does not exist');
  issue.labels.splice(index, 1);
  issue.updatedAt = context.clock.iso();
  await emitLabelEvent(context, repo, issue, 'unlabeled', label, actor);
}

async function replaceLabels(context: SandboxContext, repo: Repo, issue: Issue, names: readonly string[], actor: Account): Promise<void> {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  for (const present of [...issue.labels]) if (!wanted.has(present.toLowerCase())) await removeLabel(context, repo, issue, present, actor);
  await addLabels(context, repo, issue, names, actor);
}

/** Comments on an issue or pull request (`issue_comment.created`). */
export function createComment(context: SandboxContext, repo: Repo, issue: Issue, body: string, author: Account): Comment {
  const now = context.clock.iso();
  const comment: Comment = {
    id: context.store.nextId(),
    repoId: repo.id,
    issueNumber: issue.number,
    body,
    user: author,
    viaApp: author.id === context.app.bot.id ? context.app : undefined,
    createdAt: now,
    updatedAt: now,
    reactions: [],
  };
  context.store.comments.set(comment.id, comment);
  issue.updatedAt = now;
  emitCommentEvent(context, repo, issue, comment, 'created', author);
  return comment;
}

/** Edits a comment (`issue_comment.edited` with the previous body). */
export function updateComment(context: SandboxContext, repo: Repo, comment: Comment, body: string, actor: Account): void {
  const previous = comment.body;
  comment.body = body;
  comment.updatedAt = context.clock.iso();
  const issue = repo.issues.get(comment.issueNumber);
  if (issue !== undefined) emitCommentEvent(context, repo, issue, comment, 'edited', actor, { changes: { body: { from: previous } } });
}

function emitCommentEvent(context: SandboxContext, repo: Repo, issue: Issue, comment: Comment, action: string, sender: Account, extra: Record<string, unknown> = {}): void {
  const urls = context.urls();
  emitRepoEvent(context, repo, 'issue_comment', action, sender, {
    issue: presentIssue(urls, repo, issue, countComments(context.store, repo, issue.number)),
    comment: presentComment(urls, repo, comment),
    ...extra,
  });
}

/** Adds a reaction; an identical reaction by the same person is returned as it was (GitHub answers 200). */
export function addReaction(context: SandboxContext, target: { reactions: Reaction[] }, content: ReactionContent, user: Account): { reaction: Reaction; created: boolean } {
  const existing = target.reactions.find((reaction) => reaction.content === content && reaction.user.id === user.id);
  if (existing !== undefined) return { reaction: existing, created: false };
  const reaction: Reaction = { id: context.store.nextId(), content, user, createdAt: context.clock.iso() };
  target.reactions.push(reaction);
  return { reaction, created: true };
}

