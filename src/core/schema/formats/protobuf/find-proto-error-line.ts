function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 1-based lines of `text` that match `pattern`, from line `from` on. */
function matchingLines(text: string, pattern: RegExp, from = 1): number[] {
  return text
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line, number }) => number >= from && pattern.test(line))
    .map(({ number }) => number);
}

/** The line where `message|enum Name` is declared, to search its body from there. */
function declarationLine(text: string, owner: string | undefined): number {
  if (owner === undefined) return 1;
  const name = escapeRegExp(owner.split('.').at(-1) ?? owner);
  return matchingLines(text, new RegExp(`\\b(?:message|enum)\\s+${name}\\b`))[0] ?? 1;
}

/**
 * The line of the declaration a protobufjs error without a line number is about: the second of a
 * duplicated field number or name inside the named message, or the `syntax`/`edition` statement.
 */
export function findProtoErrorLine(text: string, message: string): number | undefined {
  const duplicateId = /^duplicate id (\d+) in \S+ (\S+)$/.exec(message);
  if (duplicateId !== null) {
    const from = declarationLine(text, duplicateId[2]);
    return matchingLines(text, new RegExp(`=\\s*${duplicateId[1] ?? ''}\\s*[;[]`), from)[1];
  }
  const duplicateName = /^duplicate name '([^']+)' in \S+ (\S+)$/.exec(message);
  if (duplicateName !== null) {
    const name = escapeRegExp(duplicateName[1] ?? '');
    const from = declarationLine(text, duplicateName[2]);
    return matchingLines(text, new RegExp(`(?:\\b${name}\\s*=\\s*\\d+|\\b(?:message|enum|oneof)\\s+${name}\\b)`), from)[1];
  }
  if (/edition/i.test(message)) return matchingLines(text, /^\s*(?:syntax|edition)\s*=/)[0];
  return undefined;
}
