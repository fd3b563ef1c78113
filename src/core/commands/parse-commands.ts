import { commandSpec, isCommandName } from './command-catalogue.js';
import type { CommandName } from './command-catalogue.js';

/** One `/downstream …` line of a comment, read. */
export type ParsedCommand =
  | { kind: 'command'; name: CommandName; line: string; force: boolean; reason?: string; hint?: string; rename?: { from: string; to: string } }
  | { kind: 'invalid'; name: CommandName; line: string; problem: string }
  | { kind: 'unknown'; word: string; line: string };

const commandLine = /^ {0,3}\/downstream(?:[ \t]+(.*))?$/i;
const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const quoteLine = /^ {0,3}>/;
// Four spaces or a tab start an indented code block; nobody types a command there on purpose.
const indentedCode = /^(?: {4,}|\t)/;
const fieldName = /^[A-Za-z_$][\w$.-]*$/;

function stripTicks(word: string): string {
  return word.replace(/^`+|`+$/g, '');
}

function readRename(tokens: readonly string[]): { from: string; to: string } | undefined {
  const words = tokens.map(stripTicks).filter((word) => word !== '->' && word !== '→' && word.toLowerCase() !== 'to');
  const [from, to, ...rest] = words;
  if (from === undefined || to === undefined || rest.length > 0 || !fieldName.test(from) || !fieldName.test(to) || from === to) return undefined;
  return { from, to };
}

function readCommand(line: string, rest: string): ParsedCommand {
  const text = rest.trim();
  const [first = '', ...tokens] = text.split(/\s+/).filter((token) => token !== '');
  const word = first.toLowerCase();
  // A bare `/downstream` asks what the bot can do.
  if (word === '') return { kind: 'command', name: 'help', line, force: false };
  if (!isCommandName(word)) return { kind: 'unknown', word: first, line };
  const spec = commandSpec(word);
  const after = text.slice(first.length).trim();
  switch (spec.args) {
    case 'none':
      if (tokens.length === 0) return { kind: 'command', name: word, line, force: false };
      return { kind: 'invalid', name: word, line, problem: `\`${word}\` takes no arguments (got \`${after}\`)` };
    case 'force': {
      const force = tokens.some((token) => token === '--force');
      const other = tokens.filter((token) => token !== '--force');
      if (other.length === 0) return { kind: 'command', name: word, line, force };
      return { kind: 'invalid', name: word, line, problem: `\`${word}\` takes only \`--force\` (got \`${other.join(' ')}\`)` };
    }
    case 'reason':
      return { kind: 'command', name: word, line, force: false, ...(after === '' ? {} : { reason: after }) };
    case 'hint':
      if (after === '') return { kind: 'invalid', name: word, line, problem: `\`${word}\` needs a hint: \`/downstream ${spec.usage}\`` };
      return { kind: 'command', name: word, line, force: false, hint: after };
    case 'rename': {
      const rename = readRename(tokens);
      if (rename === undefined) return { kind: 'invalid', name: word, line, problem: `\`${word}\` needs two different field names: \`/downstream ${spec.usage}\`` };
      return { kind: 'command', name: word, line, force: false, rename };
    }
  }
}

/** Removes complete `<!-- … -->` comments; returns the text and whether a comment stays open. */
function stripHtmlComments(line: string): { text: string; opens: boolean } {
  const text = line.replace(/<!--[\s\S]*?-->/g, '');
  const open = text.indexOf('<!--');
  return open < 0 ? { text, opens: false } : { text: text.slice(0, open), opens: true };
}

/**
 * Reads every `/downstream <command> [args]` that stands on its own line of a comment, in order.
 * Lines in fenced or indented code, in `>` quotes and inside HTML comments are text, not commands:
 * quoting someone's command, or documenting one, must never run it.
 */
export function parseCommands(body: string): ParsedCommand[] {
  const commands: ParsedCommand[] = [];
  let fence: { char: string; length: number } | undefined;
  let inHtmlComment = false;
  for (const raw of body.split(/\r\n|\r|\n/)) {
    if (fence !== undefined) {
      const close = new RegExp(`^ {0,3}${fence.char}{${fence.length},}[ \\t]*$`);
      if (close.test(raw)) fence = undefined;
      continue;
    }
    let line = raw;
    if (inHtmlComment) {
      const end = line.indexOf('-->');
      if (end < 0) continue;
      inHtmlComment = false;
      line = line.slice(end + 3);
    }
    const opened = fenceOpen.exec(line);
    if (opened?.[1] !== undefined) {
      fence = { char: opened[1][0] ?? '`', length: opened[1].length };
      continue;
    }
    const stripped = stripHtmlComments(line);
    inHtmlComment = stripped.opens;
    if (quoteLine.test(stripped.text) || indentedCode.test(stripped.text)) continue;
    const match = commandLine.exec(stripped.text.trimEnd());
    if (match === null) continue;
    commands.push(readCommand(stripped.text.trim(), match[1] ?? ''));
  }
  return commands;
}
