/** Whether a character is an ASCII control character (a newline, an escape…). */
export function isControl(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

// Control characters in a label (a file path is consumer data too) could fake a new block.
function cleanLabel(label: string): string {
  return [...label.slice(0, 300)].map((character) => (isControl(character) ? '?' : character)).join('');
}

/**
 * Wraps consumer text (code, CI output) as data: a labelled block whose backtick fence is longer
 * than any run of backticks inside, so nothing in the text can close it early and speak as us.
 */
export function fenceUntrusted(label: string, text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `UNTRUSTED (${cleanLabel(label)}):\n${fence}\n${text}\n${fence}`;
}
