import type { RepoRole } from './repo-role.js';

/** Every slash command downstream answers (DESIGN §5), plus `opt-in`, which undoes `opt-out`. */
export type CommandName =
  | 'rebase'
  | 'recreate'
  | 'retry'
  | 'fix'
  | 'explain'
  | 'skip'
  | 'hold'
  | 'unhold'
  | 'opt-out'
  | 'opt-in'
  | 'help'
  | 'promote'
  | 'pause'
  | 'resume'
  | 'abort'
  | 'retry-failed'
  | 'confirm-rename'
  | 'status';

/** Where a command is posted: one of downstream's consumer PRs, a campaign's tracking issue, or an opt-out notice. */
export type CommandPlace = 'pull' | 'tracking' | 'notice';

/**
 * What follows the command word: nothing; an optional `--force`; free text kept as the reason in
 * the events log; a required hint; or the two field names of a rename.
 */
export type CommandArgs = 'none' | 'force' | 'reason' | 'hint' | 'rename';

/** One command: where it works, the least role it needs, and the line of help people see. */
export type CommandSpec = {
  name: CommandName;
  places: readonly CommandPlace[];
  role: RepoRole;
  args: CommandArgs;
  usage: string;
  summary: string;
  /** Works only with an LLM configured; without one it is answered "not available" and not listed in PR bodies. */
  needsLlm: boolean;
};

type Entry = Omit<CommandSpec, 'name' | 'needsLlm'> & { needsLlm?: boolean };

const pull = ['pull'] as const;
const tracking = ['tracking'] as const;

// Commands that only show information need read; anything that acts needs write; a repository-wide
// "no" belongs to the people who run the repository (maintain), as Atlantis and Dependabot do.
const entries: Record<CommandName, Entry> = {
  rebase: { places: pull, role: 'write', args: 'force', usage: 'rebase [--force]', summary: 'update the branch onto the base branch and regenerate the patch (`--force` even over a person’s commits)' },
  recreate: { places: pull, role: 'write', args: 'none', usage: 'recreate', summary: 'regenerate the patch from scratch, dropping any commits people pushed' },
  retry: { places: pull, role: 'write', args: 'none', usage: 'retry', summary: 're-run a failed patch or its verification' },
  fix: { places: pull, role: 'write', args: 'hint', usage: 'fix <hint>', summary: 'regenerate the patch and ask the LLM to finish the leftovers, guided by your hint', needsLlm: true },
  explain: { places: pull, role: 'read', args: 'none', usage: 'explain', summary: 'list each schema change and the edits made for it, by transform' },
  skip: { places: pull, role: 'write', args: 'reason', usage: 'skip [reason]', summary: 'close this PR; it is never reopened for this migration' },
  hold: { places: pull, role: 'write', args: 'reason', usage: 'hold [reason]', summary: 'the bot leaves this PR alone and does not merge it' },
  unhold: { places: pull, role: 'write', args: 'none', usage: 'unhold', summary: 'undo `hold`' },
  'opt-out': { places: pull, role: 'maintain', args: 'reason', usage: 'opt-out [reason]', summary: 'no more PRs from downstream in this repository, for any dataset, until `opt-in`' },
  'opt-in': { places: ['pull', 'notice'], role: 'maintain', args: 'none', usage: 'opt-in', summary: 'undo `opt-out`' },
  promote: { places: tracking, role: 'write', args: 'none', usage: 'promote', summary: 'open the next wave now, ahead of the gate' },
  pause: { places: tracking, role: 'write', args: 'reason', usage: 'pause [reason]', summary: 'open no new wave; open PRs stay' },
  resume: { places: tracking, role: 'write', args: 'none', usage: 'resume', summary: 'undo `pause` (or a halt) and evaluate the gate again' },
  abort: { places: tracking, role: 'write', args: 'reason', usage: 'abort [reason]', summary: 'end the campaign: open PRs are closed and their branches deleted' },
  'retry-failed': { places: tracking, role: 'write', args: 'none', usage: 'retry-failed', summary: 're-run every consumer whose patch failed' },
  'confirm-rename': { places: tracking, role: 'write', args: 'rename', usage: 'confirm-rename <from> <to>', summary: 'confirm a suspected rename, so consumers are patched for it' },
  status: { places: tracking, role: 'read', args: 'none', usage: 'status', summary: 'reply with where the campaign stands' },
  help: { places: ['pull', 'tracking', 'notice'], role: 'read', args: 'none', usage: 'help', summary: 'list the commands that work here' },
};

/** Every command, in the order help lists them. */
export const commandCatalogue: readonly CommandSpec[] = Object.entries(entries).flatMap(([name, entry]) =>
  isCommandName(name) ? [{ name, ...entry, needsLlm: entry.needsLlm ?? false }] : [],
);

/** Whether a word is one of our command names. */
export function isCommandName(word: string): word is CommandName {
  return Object.hasOwn(entries, word);
}

/** The spec of a command. */
export function commandSpec(name: CommandName): CommandSpec {
  const entry = entries[name];
  return { name, ...entry, needsLlm: entry.needsLlm ?? false };
}

/** The commands that work in a place, as help lists them. */
export function listCommands(place: CommandPlace): CommandSpec[] {
  return commandCatalogue.filter((entry) => entry.places.includes(place));
}

/**
 * `[usage, summary]` pairs of the commands that work on a PR: what the PR body lists
 * (`WorkflowDeps.prCommands`). Commands that need an LLM are listed only when one is configured.
 */
export function listPullCommandHelp(options: { llmConfigured: boolean }): (readonly [string, string])[] {
  return listCommands('pull')
    .filter((entry) => options.llmConfigured || !entry.needsLlm)
    .map((entry) => [entry.usage, entry.summary] as const);
}
