import type { Reaction, ReactionContent } from '../state/types.js';
import type { Urls } from './urls.js';
import { nodeId } from './urls.js';
import { presentUser } from './user.js';

const contents: readonly ReactionContent[] = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'eyes', 'rocket'];

/** `reaction-rollup`: counts per reaction on an issue or comment. */
export function presentReactionRollup(url: string, reactions: readonly Reaction[]) {
  const counts = Object.fromEntries(contents.map((content) => [content, reactions.filter((reaction) => reaction.content === content).length]));
  return { url, total_count: reactions.length, '+1': 0, '-1': 0, laugh: 0, confused: 0, heart: 0, hooray: 0, eyes: 0, rocket: 0, ...counts };
}

/** `reaction`. */
export function presentReaction(urls: Urls, reaction: Reaction) {
  return {
    id: reaction.id,
    node_id: nodeId('REA', reaction.id),
    user: presentUser(urls, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}
