import type { GitHubClient, RepoRef } from './github-client.js';

/** Reacts to a comment; reacting twice with the same content is harmless (GitHub answers 200). */
export async function addCommentReaction(octokit: GitHubClient, ref: RepoRef & { commentId: number; content: 'eyes' | '+1' | 'confused' }): Promise<void> {
  await octokit.rest.reactions.createForIssueComment({ owner: ref.owner, repo: ref.repo, comment_id: ref.commentId, content: ref.content });
}
