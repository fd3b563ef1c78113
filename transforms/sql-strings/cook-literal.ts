/**
 * One character of a literal's value and the source text it came from. `plain`: the source is
 * that very character, so an edit there can be spliced into the source as is.
 */
export type CookedUnit = { rawStart: number; rawEnd: number; plain: boolean };

/** A literal's value (what the program sees) with, per UTF-16 unit, where it sits in the file. */
export type CookedText = { text: string; units: CookedUnit[]; rawEnd: number };

const simpleEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/**
 * Cooks the source of a string or template literal part (`raw`, the text between its delimiters,
 * starting at file offset `offset`). Escapes and template line breaks become non-plain units.
 */
export function cookLiteral(raw: string, offset: number, template: boolean): CookedText {
  let text = '';
  const units: CookedUnit[] = [];
  const push = (value: string, rawStart: number, rawEnd: number, plain: boolean): void => {
    for (const char of value.split('')) {
      text += char;
      units.push({ rawStart: offset + rawStart, rawEnd: offset + rawEnd, plain });
    }
  };
  let index = 0;
  while (index < raw.length) {
    const char = raw[index] ?? '';
    if (template && char === '\r') {
      // A template's value turns CR LF and CR into LF.
      const end = raw[index + 1] === '\n' ? index + 2 : index + 1;
      push('\n', index, end, false);
      index = end;
      continue;
    }
    if (char !== '\\') {
      push(char, index, index + 1, true);
      index += 1;
      continue;
    }
    const next = raw[index + 1] ?? '';
    if (next === '\r' || next === '\n' || next === '\u2028' || next === '\u2029') {
      index += next === '\r' && raw[index + 2] === '\n' ? 3 : 2;
      continue;
    }
    const simple = simpleEscapes[next];
    if (simple !== undefined && !(next === '0' && /[0-9]/.test(raw[index + 2] ?? ''))) {
      push(simple, index, index + 2, false);
      index += 2;
      continue;
    }
    const hex = next === 'x' ? /^[0-9a-fA-F]{2}/.exec(raw.slice(index + 2)) : undefined;
    const unicode = next === 'u' ? /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})/.exec(raw.slice(index + 2)) : undefined;
    if (hex?.[0] !== undefined) {
      push(String.fromCharCode(parseInt(hex[0], 16)), index, index + 4, false);
      index += 4;
    } else if (unicode?.[0] !== undefined) {
      const digits = unicode[0].replace(/[{}]/g, '');
      push(String.fromCodePoint(parseInt(digits, 16)), index, index + 2 + unicode[0].length, false);
      index += 2 + unicode[0].length;
    } else {
      push(next, index, index + 2, false);
      index += 2;
    }
  }
  return { text, units, rawEnd: offset + raw.length };
}

/** Escapes text for insertion into a literal delimited by `quote` (`'`, `"` or a backtick). */
export function escapeForLiteral(text: string, quote: string): string {
  let escaped = text.replace(/\\/g, '\\\\');
  if (quote === '`') escaped = escaped.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  else escaped = escaped.split(quote).join(`\\${quote}`);
  return escaped;
}
