import { listCommands } from './command-catalogue.js';
import type { CommandPlace } from './command-catalogue.js';

const placeNames: Record<CommandPlace, string> = { pull: 'on its pull requests', tracking: 'on a campaign’s tracking issue', notice: 'on an opt-out notice' };

/** Where a command is posted, in words: "on its pull requests". */
export function describePlace(place: CommandPlace): string {
  return placeNames[place];
}

/** The commands that work where the person commented, with the role each needs. */
export function renderHelp(place: CommandPlace): string {
  const rows = listCommands(place).map((spec) => `| \`/downstream ${spec.usage}\` | ${spec.role} | ${spec.needsLlm ? '(with an LLM configured) ' : ''}${spec.summary} |`);
  return [
    `Commands downstream answers ${describePlace(place)} (each on its own line; several per comment are fine):`,
    '',
    '| Command | Role needed (or higher) | What it does |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}
