import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { notFound } from '../http/github-error.js';
import { actorOrThrow, numberParam, parseBody, repoOf } from '../http/input.js';
import type { RestRequest, Route } from '../http/route.js';
import { presentReaction } from '../present/reactions.js';
import type { Reaction } from '../state/types.js';
import { getIssueOrThrow } from '../ops/lookup.js';
import { addReaction } from '../ops/issues.js';

const reactionInput = z.object({ content: z.enum(['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes']) });

function react(context: SandboxContext, request: RestRequest, target: { reactions: Reaction[] }) {
  const { content } = parseBody(reactionInput, request.body);
  const { reaction, created } = addReaction(context, target, content, actorOrThrow(request));
  return { status: created ? 201 : 200, body: presentReaction(request.urls, reaction) };
}

/** Reactions on comments and issues (the bot acknowledges commands with one). */
export const reactionRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
    operationId: 'reactions/create-for-issue-comment',
    auth: 'token',
    permissions: [['issues', 'write'], ['pull_requests', 'write']],
    handle: (context, request) => {
      const repo = repoOf(request);
      const comment = context.store.comments.get(numberParam(request, 'comment_id'));
      if (comment === undefined || comment.repoId !== repo.id) throw notFound();
      return react(context, request, comment);
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
    operationId: 'reactions/list-for-issue-comment',
    auth: 'token',
    permissions: [['issues', 'read'], ['pull_requests', 'read']],
    handle: (context, request) => {
      const repo = repoOf(request);
      const comment = context.store.comments.get(numberParam(request, 'comment_id'));
      if (comment === undefined || comment.repoId !== repo.id) throw notFound();
      return { status: 200, body: comment.reactions.map((reaction) => presentReaction(request.urls, reaction)) };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/reactions',
    operationId: 'reactions/create-for-issue',
    auth: 'token',
    permissions: [['issues', 'write'], ['pull_requests', 'write']],
    handle: (context, request) => react(context, request, getIssueOrThrow(repoOf(request), numberParam(request, 'issue_number'))),
  },
];
