// Ways to make a checker stop complaining without fixing anything.
const suppressions: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /@ts-(?:ignore|nocheck|expect-error)\b/g, what: 'a @ts-ignore / @ts-expect-error / @ts-nocheck comment' },
  { pattern: /\b(?:eslint|tslint|biome|prettier)-(?:disable|ignore)\b/g, what: 'a lint suppression' },
  { pattern: /\bas\s+any\b|:\s*any\b|<any>|\bas\s+unknown\s+as\b/g, what: 'an `any` cast or annotation' },
  { pattern: /#\s*type:\s*ignore|#\s*noqa\b|#\s*pylint:\s*disable|\bNOSONAR\b|\b(?:istanbul|c8|v8)\s+ignore\b/g, what: 'a checker suppression comment' },
];

function countMatches(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

/** What an edit adds to silence a type checker, linter or coverage tool, if anything. */
export function findAddedSuppressions(original: string, replacement: string): string[] {
  return suppressions.filter(({ pattern }) => countMatches(replacement, pattern) > countMatches(original, pattern)).map(({ what }) => what);
}

const lineComment = /^\s*(?:\/\/+|#+|--|\*)\s?(.*?)\s*$/;

function multiset(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

function countMultilineBlocks(text: string): number {
  return [...text.matchAll(/\/\*[\s\S]*?\*\//g)].filter((match) => match[0].includes('\n')).length;
}

// A `/*` whose `*/` is not in the same text: the edit opens (or closes) a comment around code outside it.
function countUnclosedBlocks(text: string): number {
  let unclosed = 0;
  for (let at = text.indexOf('/*'); at !== -1; ) {
    const end = text.indexOf('*/', at + 2);
    if (end === -1) {
      unclosed += 1;
      break;
    }
    at = text.indexOf('/*', end + 2);
  }
  const closers = [...text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\*\//g)].length;
  return unclosed + closers;
}

/**
 * Whether an edit comments code out instead of changing it: a line it removes comes back as a
 * comment (`// line`, `# line`, `-- line`), or it opens a block comment that spans lines.
 */
export function findCommentedOutCode(original: string, replacement: string): string | undefined {
  const before = original.split('\n').map((line) => line.trim());
  const after = replacement.split('\n').map((line) => line.trim());
  const kept = multiset(after);
  const removed = before.filter((line) => {
    const left = kept.get(line) ?? 0;
    if (left > 0) kept.set(line, left - 1);
    return left === 0 && line !== '' && !lineComment.test(line) && !line.startsWith('/*');
  });
  const originals = multiset(before);
  const commentBodies = new Set(
    after
      .filter((line) => {
        const left = originals.get(line) ?? 0;
        if (left > 0) originals.set(line, left - 1);
        return left === 0;
      })
      .map((line) => lineComment.exec(line)?.[1])
      .filter((body): body is string => body !== undefined && body !== ''),
  );
  if (removed.some((line) => commentBodies.has(line))) return 'comments code out instead of changing it';
  if (countMultilineBlocks(replacement) > countMultilineBlocks(original) || countUnclosedBlocks(replacement) > countUnclosedBlocks(original)) {
    return 'adds a block comment across lines (commenting code out is not a fix)';
  }
  return undefined;
}
