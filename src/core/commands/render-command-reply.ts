import type { CommandName, CommandPlace } from './command-catalogue.js';
import { describePlace, renderHelp } from './render-help.js';
import type { RepoRole } from './repo-role.js';

/** What became of one command; every one of them is answered. */
export type CommandOutcome =
  | { kind: 'done'; text: string; details?: string }
  | { kind: 'queued'; text: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'unauthorized'; needed: RepoRole; role: RepoRole; roleName: string }
  | { kind: 'not-available'; text: string }
  | { kind: 'help' }
  | { kind: 'unknown'; word: string }
  | { kind: 'invalid'; problem: string }
  | { kind: 'wrong-place'; command: CommandName }
  | { kind: 'not-run'; reason: string };

/** One answered line of a comment. */
export type CommandReplyEntry = { line: string; outcome: CommandOutcome };

/** Inline code that survives backticks inside it. */
function inlineCode(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function describeRole(login: string, role: RepoRole, roleName: string): string {
  if (role === 'none') return `@${login} has no role on it`;
  if (roleName.toLowerCase() !== role) return `@${login} has the custom role \`${roleName}\`, which counts as **${role}**`;
  return `@${login} has **${role}**`;
}

function renderOutcome(outcome: CommandOutcome, context: { author: string; repo: string; place: CommandPlace }): string {
  switch (outcome.kind) {
    case 'done':
      return outcome.text;
    case 'queued':
      return `Queued: ${outcome.text}`;
    case 'refused':
      return `Not done: ${outcome.reason}`;
    case 'unauthorized':
      return `Refused: this needs the **${outcome.needed}** role or higher on \`${context.repo}\`, and ${describeRole(context.author, outcome.role, outcome.roleName)}.`;
    case 'not-available':
      return `Not available: ${outcome.text}`;
    case 'help':
      return 'Here is what works here.';
    case 'unknown':
      return `\`${outcome.word}\` is not a downstream command.`;
    case 'invalid':
      return `Not understood: ${outcome.problem}.`;
    case 'wrong-place':
      return `\`${outcome.command}\` does not work ${describePlace(context.place)}.`;
    case 'not-run':
      return `Not run: ${outcome.reason}`;
  }
}

// GitHub refuses comments over 65,536 characters; an `explain` of a huge patch is cut, not lost.
const maxReplyLength = 60_000;

const withHelp = new Set<CommandOutcome['kind']>(['help', 'unknown', 'invalid', 'wrong-place']);

/**
 * The one reply to a comment: what became of each command in it (the result, or why not, naming
 * the role a refusal needs), and the command list whenever the person may need it.
 */
export function renderCommandReply(input: { author: string; repo: string; place: CommandPlace; entries: readonly CommandReplyEntry[] }): string {
  const context = { author: input.author, repo: input.repo, place: input.place };
  const [only] = input.entries;
  const lines = input.entries.length === 1 && only !== undefined
    ? [`@${input.author} ${inlineCode(only.line)}: ${renderOutcome(only.outcome, context)}`]
    : [`@${input.author}`, '', ...input.entries.map((entry) => `- ${inlineCode(entry.line)}: ${renderOutcome(entry.outcome, context)}`)];
  // Long answers (explain, status) follow the list, each under its command, so the list stays a list.
  for (const entry of input.entries) {
    if (entry.outcome.kind !== 'done' || entry.outcome.details === undefined) continue;
    lines.push('', ...(input.entries.length === 1 ? [] : [`#### ${inlineCode(entry.line)}`, '']), entry.outcome.details);
  }
  if (input.entries.some((entry) => withHelp.has(entry.outcome.kind))) lines.push('', renderHelp(input.place));
  const text = `${lines.join('\n')}\n`;
  return text.length <= maxReplyLength ? text : `${text.slice(0, maxReplyLength)}\n\n…cut to fit in one comment.\n`;
}
