import type { Leftover } from '../codemods/index.js';
import { createLineIndex, isTypeChange } from '../codemods/index.js';
import type { HandOff } from './parse-patch-response.js';
import type { LocatedEdit } from './refusal.js';

/** A leftover the LLM's accepted edits did not fix, with what a person should know. */
export type Unresolved = { leftover: Leftover; diagnosis: string };

export type ResolutionInput = {
  leftovers: readonly Leftover[];
  /** The edits about to be accepted, placed in the current texts. */
  edits: readonly LocatedEdit[];
  handOff: readonly HandOff[];
  /** Current text, and text once the edits are applied. */
  readBefore: (path: string) => string | undefined;
  readAfter: (path: string) => string | undefined;
  /** The line of the patched file an original line became. */
  mapLine: (path: string, line: number) => number;
  /** `path:line` of sites that had a type error before the edits. */
  errorSitesBefore: ReadonlySet<string>;
  /** Type errors left after the edits, in the files of type-change sites. */
  errorsAfter: readonly { path: string; line: number }[];
  radius: number;
};

// The name whose presence at a site means the site still refers to the old schema.
function oldName(leftover: Leftover): string | undefined {
  const { change } = leftover;
  if (change.kind === 'dataset.renamed') return change.from?.split('.').at(-1);
  if (change.kind === 'enum.value-removed') return change.from;
  return change.from?.split('.').at(-1) ?? change.path.at(-1);
}

function mentions(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g'))].length;
}

function lineText(text: string | undefined, line: number): string {
  return text?.split('\n')[line - 1] ?? '';
}

/**
 * Which leftovers the accepted edits actually fixed, checked rather than assumed: a site the model
 * handed off stays; a type-change site that had an error must have none left on its line; a site
 * whose line named the old field or table must not name it any more; otherwise an edit within
 * `radius` lines must have removed an occurrence of the old name. The rest stay, with a diagnosis.
 */
export function decideResolved(input: ResolutionInput): { resolved: Leftover[]; unresolved: Unresolved[] } {
  const resolved: Leftover[] = [];
  const unresolved: Unresolved[] = [];
  for (const leftover of input.leftovers) {
    const handed = input.handOff.find((entry) => entry.file === leftover.path && Math.abs(entry.line - leftover.line) <= 1);
    if (handed !== undefined) {
      unresolved.push({ leftover, diagnosis: `the LLM handed this site to a person: ${handed.diagnosis}` });
      continue;
    }
    const before = input.readBefore(leftover.path);
    const lineAt = createLineIndex(before ?? '');
    const near = input.edits.filter((edit) => edit.file === leftover.path && lineAt(edit.start) - input.radius <= leftover.line && leftover.line <= lineAt(edit.end) + input.radius);
    if (near.length === 0) {
      unresolved.push({ leftover, diagnosis: 'the LLM made no edit at this site' });
      continue;
    }
    const mapped = input.mapLine(leftover.path, leftover.line);
    if (isTypeChange(leftover.change)) {
      const hadError = input.errorSitesBefore.has(`${leftover.path}:${leftover.line}`);
      const covers = near.some((edit) => lineAt(edit.start) <= leftover.line && leftover.line <= lineAt(edit.end));
      const left = input.errorsAfter.some((error) => error.path === leftover.path && error.line === mapped);
      if (hadError ? !left : covers) resolved.push(leftover);
      else unresolved.push({ leftover, diagnosis: hadError ? 'still does not type-check after the LLM’s edit' : 'the LLM’s edits did not change this line' });
      continue;
    }
    const name = oldName(leftover);
    if (name === undefined) {
      unresolved.push({ leftover, diagnosis: 'no name to check the site against' });
      continue;
    }
    const siteNamed = mentions(lineText(before, leftover.line), name) > 0;
    const fixed = siteNamed
      ? mentions(lineText(input.readAfter(leftover.path), mapped), name) === 0
      : near.some((edit) => mentions(edit.replacement, name) < mentions(edit.original, name));
    if (fixed) resolved.push(leftover);
    else unresolved.push({ leftover, diagnosis: `the site still mentions \`${name}\` after the LLM’s edit` });
  }
  return { resolved, unresolved };
}
