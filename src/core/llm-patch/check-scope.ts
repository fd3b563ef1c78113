import { diffArrays } from 'diff';
import { createLineIndex } from '../codemods/index.js';
import type { LocatedEdit, Refusal } from './refusal.js';

type Token = { text: string; start: number };

/** A site an edit may work at: a file and a 1-based line of its current text. */
export type ScopeSite = { path: string; line: number };

function tokenize(text: string): Token[] {
  return [...text.matchAll(/[A-Za-z_$][\w$]*|\d[\w.]*|[^\s\w$]/g)].map((match) => ({ text: match[0], start: match.index }));
}

/** `legacy_score`, `legacyScore` and `LEGACY-SCORE` are one name to the scope check. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

type Hunk = { removed: Token[]; added: Token[]; anchor: number };

// Token-level hunks of one edit, with offsets in the original snippet; whitespace never counts.
function planHunks(original: string, replacement: string): Hunk[] {
  const before = tokenize(original);
  const after = tokenize(replacement);
  const parts = diffArrays(before.map((token) => token.text), after.map((token) => token.text));
  const hunks: Hunk[] = [];
  let beforeIndex = 0;
  let afterIndex = 0;
  let current: Hunk | undefined;
  for (const part of parts) {
    const count = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      if (current !== undefined) hunks.push(current);
      current = undefined;
      beforeIndex += count;
      afterIndex += count;
      continue;
    }
    current ??= { removed: [], added: [], anchor: before[beforeIndex]?.start ?? original.length };
    if (part.removed) {
      current.removed.push(...before.slice(beforeIndex, beforeIndex + count));
      beforeIndex += count;
    } else {
      current.added.push(...after.slice(afterIndex, afterIndex + count));
      afterIndex += count;
    }
  }
  if (current !== undefined) hunks.push(current);
  return hunks;
}

function describeHunk(hunk: Hunk): string {
  const text = (tokens: readonly Token[]): string => `\`${tokens.map((token) => token.text).join(' ').slice(0, 60)}\``;
  if (hunk.removed.length === 0) return `adds ${text(hunk.added)}`;
  if (hunk.added.length === 0) return `removes ${text(hunk.removed)}`;
  return `replaces ${text(hunk.removed)} with ${text(hunk.added)}`;
}

/**
 * The deterministic scope check (issue 8), per token-level hunk of each edit (whitespace ignored):
 * 1. every line the hunk changes (or, for a pure insertion, the line it is inserted at) lies within
 *    `radius` lines of a listed site in the same file;
 * 2. the hunk is on a site line, or it removes or adds one of `relatedNames` (compared without case,
 *    `_` or `-`), or a line it changes mentions one.
 * Anything else — a far-away line, an unrelated token next to a site — is beyond the change set.
 */
export function checkScope(input: { edits: readonly LocatedEdit[]; readText: (path: string) => string | undefined; sites: readonly ScopeSite[]; relatedNames: readonly string[]; radius: number }): Refusal[] {
  const related = new Set(input.relatedNames.map(normalize));
  const isRelated = (token: Token): boolean => related.has(normalize(token.text));
  const refusals: Refusal[] = [];
  for (const [index, edit] of input.edits.entries()) {
    const text = input.readText(edit.file) ?? '';
    const lineAt = createLineIndex(text);
    const lines = text.split('\n');
    const siteLines = input.sites.filter((site) => site.path === edit.file).map((site) => site.line);
    if (siteLines.length === 0) {
      refusals.push({ rule: 'scope', file: edit.file, reason: `edit ${index + 1} changes ${edit.file}, where no site is listed` });
      continue;
    }
    for (const hunk of planHunks(edit.original, edit.replacement)) {
      const offsets = hunk.removed.length > 0 ? hunk.removed.map((token) => token.start) : [hunk.anchor];
      const hunkLines = [...new Set(offsets.map((offset) => lineAt(edit.start + offset)))];
      const far = hunkLines.find((line) => !siteLines.some((site) => Math.abs(site - line) <= input.radius));
      if (far !== undefined) {
        refusals.push({ rule: 'scope', file: edit.file, reason: `edit ${index + 1} changes ${edit.file}:${far}, more than ${input.radius} lines from any listed site` });
        continue;
      }
      const onSite = hunkLines.some((line) => siteLines.includes(line));
      const mentions = [...hunk.removed, ...hunk.added].some(isRelated) || hunkLines.some((line) => tokenize(lines[line - 1] ?? '').some(isRelated));
      if (!onSite && !mentions) {
        refusals.push({ rule: 'scope', file: edit.file, reason: `edit ${index + 1} ${describeHunk(hunk)} at ${edit.file}:${hunkLines[0] ?? 0}, which has nothing to do with ${[...input.relatedNames].join(', ')}` });
      }
    }
  }
  return refusals;
}
