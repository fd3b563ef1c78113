import type { MirroredType } from '../codemods/index.js';
import { renderFilesDiff } from './render-files-diff.js';

/** A place the codemods left for a person (or CI pointed at), at a 1-based line of the current text. */
export type PatchSite = { path: string; line: number; reason: string };

/** Lines of one file around its sites, as they stand now. */
export type CodeExcerpt = { path: string; startLine: number; endLine: number; text: string };

/** Everything a patch prompt shows of the consumer, and nothing else (issue 8). */
export type PatchContext = {
  sites: PatchSite[];
  excerpts: CodeExcerpt[];
  /** The codemods' edits as a unified diff, possibly cut. */
  codemodDiff: string;
  mirroredTypes: MirroredType[];
  /** What was left out to stay within the limits, said in the prompt so the model knows. */
  omitted: string[];
};

export type ContextLimits = { contextLines: number; excerptChars: number; diffChars: number; typesChars: number };

/** Enough to see a statement and its neighbours; small enough that ten sites fit a modest prompt. */
export const defaultContextLimits: ContextLimits = { contextLines: 8, excerptChars: 24_000, diffChars: 8_000, typesChars: 6_000 };

function numbered(lines: readonly string[], first: number): string {
  const width = String(first + lines.length - 1).length;
  return lines.map((line, index) => `${String(first + index).padStart(width)} | ${line}`).join('\n');
}

function planWindows(lines: readonly number[], radius: number, lineCount: number): [number, number][] {
  const windows: [number, number][] = [];
  for (const line of [...new Set(lines)].sort((left, right) => left - right)) {
    const start = Math.max(1, line - radius);
    const end = Math.min(lineCount, line + radius);
    const last = windows.at(-1);
    if (last !== undefined && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

/**
 * The context of one patch prompt: the sites with `contextLines` around each (merged when they
 * overlap), the codemods' edits so far, and the row types that mirror the dataset. Whatever does
 * not fit the limits is left out and listed in `omitted`, never silently.
 */
export function planPatchContext(input: {
  readText: (path: string) => string | undefined;
  sites: readonly PatchSite[];
  codemodEdits: readonly { path: string; before: string; after: string }[];
  mirroredTypes: readonly MirroredType[];
  limits?: ContextLimits;
}): PatchContext {
  const limits = input.limits ?? defaultContextLimits;
  const omitted: string[] = [];
  const byFile = new Map<string, number[]>();
  for (const site of input.sites) byFile.set(site.path, [...(byFile.get(site.path) ?? []), site.line]);
  const excerpts: CodeExcerpt[] = [];
  let used = 0;
  for (const [path, lines] of [...byFile].sort(([left], [right]) => (left < right ? -1 : 1))) {
    const text = input.readText(path);
    if (text === undefined) {
      omitted.push(`${path}: not in the checkout`);
      continue;
    }
    const fileLines = text.split('\n');
    for (const [start, end] of planWindows(lines, limits.contextLines, fileLines.length)) {
      const excerpt = numbered(fileLines.slice(start - 1, end), start);
      if (used + excerpt.length > limits.excerptChars) {
        omitted.push(`${path}:${start}-${end}: excerpt left out (prompt size limit)`);
        continue;
      }
      used += excerpt.length;
      excerpts.push({ path, startLine: start, endLine: end, text: excerpt });
    }
  }
  let codemodDiff = renderFilesDiff(input.codemodEdits);
  if (codemodDiff.length > limits.diffChars) {
    codemodDiff = codemodDiff.slice(0, limits.diffChars);
    omitted.push('the diff of the codemod edits is cut at the prompt size limit');
  }
  const mirroredTypes: MirroredType[] = [];
  let typesUsed = 0;
  for (const type of input.mirroredTypes) {
    if (typesUsed + type.text.length > limits.typesChars) {
      omitted.push(`row type ${type.name} in ${type.path} left out (prompt size limit)`);
      continue;
    }
    typesUsed += type.text.length;
    mirroredTypes.push(type);
  }
  return { sites: [...input.sites], excerpts, codemodDiff, mirroredTypes, omitted };
}
