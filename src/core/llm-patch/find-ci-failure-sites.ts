import type { PatchSite } from './plan-patch-context.js';

/** A failing check or status of a bot PR's head commit, as the GitHub adapter reads it. */
export type CiFailure = { name: string; conclusion: string; title: string; summary: string; text: string; annotations: readonly { path: string; line: number; message: string }[] };

// `src/a.ts(12,5): error TS2339: …` (tsc), `src/a.ts:12:5 - error …` (tsc pretty), `src/a.ts:12` (most tools).
const reference = /([\w@./-]+\.[A-Za-z]{1,5})(?:\((\d+),\d+\)|:(\d+)(?::\d+)?)(?::?\s*(?:-\s*)?(.*))?/g;

function resolvePath(found: string, known: ReadonlySet<string>): string | undefined {
  const path = found.replace(/^\.\//, '');
  if (known.has(path)) return path;
  // CI often prints absolute paths of its own checkout: match the longest known suffix.
  return [...known].filter((candidate) => path.endsWith(`/${candidate}`)).sort((left, right) => right.length - left.length)[0];
}

/**
 * Where failing CI points in the repository: its annotations, and `file:line` references in its
 * output that name a file of the checkout. One site per file and line, in path order.
 */
export function findCiFailureSites(failures: readonly CiFailure[], knownPaths: readonly string[]): PatchSite[] {
  const known = new Set(knownPaths);
  const sites = new Map<string, PatchSite>();
  const add = (path: string | undefined, line: number, reason: string): void => {
    if (path === undefined || line < 1) return;
    const key = `${path}:${line}`;
    if (!sites.has(key)) sites.set(key, { path, line, reason: `CI (${reason.slice(0, 200)})` });
  };
  for (const failure of failures) {
    for (const annotation of failure.annotations) add(resolvePath(annotation.path, known), annotation.line, `${failure.name}: ${annotation.message}`);
    for (const match of `${failure.summary}\n${failure.text}`.matchAll(reference)) {
      const line = Number(match[2] ?? match[3]);
      add(resolvePath(match[1] ?? '', known), line, `${failure.name}: ${(match[4] ?? '').trim() || 'failure reported here'}`);
    }
  }
  return [...sites.values()].sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : left.line - right.line));
}

/** The output of failing checks as the repair prompt shows it (untrusted, cut to the tail that says why). */
export function renderCiFailureOutput(failure: CiFailure, maxChars = 6_000): string {
  const annotations = failure.annotations.map((annotation) => `${annotation.path}:${annotation.line}: ${annotation.message}`).join('\n');
  const text = [failure.title, failure.summary, annotations, failure.text].filter((part) => part.trim() !== '').join('\n\n');
  return text.length <= maxChars ? text : `…${text.slice(-maxChars)}`;
}
