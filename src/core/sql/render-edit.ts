import type { SqlDialect } from './sql-types.js';
import type { NameChain, NamePart } from './name-chain.js';
import { quoteIdentifier, renderIdentifier } from './render-identifier.js';

/** An edit before it is tied to a change: replace `[start, end)` with `text`. */
export type RawEdit = { start: number; end: number; text: string };

/** Rewrites one part of a name; a BigQuery token holding several parts is rewritten whole. */
export function renderPartEdit(part: NamePart, name: string, dialect: SqlDialect, qualifier?: string): RawEdit {
  const { token } = part;
  if (part.packed) {
    const names = token.value.split('.');
    names[part.index] = name;
    if (qualifier !== undefined) names.splice(part.index, 0, qualifier);
    return { start: token.start, end: token.end, text: quoteIdentifier(names.join('.'), dialect, '`') };
  }
  const written = renderIdentifier(name, dialect, part.quoted ? { text: token.text, ...(token.quote === undefined ? {} : { quote: token.quote }) } : { text: token.text });
  return { start: token.start, end: token.end, text: qualifier === undefined ? written : `${qualifier}.${written}` };
}

/** Rewrites a table reference to `parts`, part by part when the shape stays, else as a whole. */
export function renderChainEdits(chain: NameChain, parts: readonly string[], dialect: SqlDialect): RawEdit[] {
  const tokens = chain.tokens;
  const single = tokens.length === 1 ? tokens[0] : undefined;
  if (single !== undefined && single.quote === '`' && chain.parts.length > 1) {
    const text = quoteIdentifier(parts.join('.'), dialect, '`');
    return text === single.text ? [] : [{ start: single.start, end: single.end, text }];
  }
  if (parts.length === chain.parts.length && chain.parts.every((part) => !part.packed)) {
    const edits: RawEdit[] = [];
    for (const [index, part] of chain.parts.entries()) {
      const name = parts[index] ?? part.name;
      if (name === part.name) continue;
      edits.push(renderPartEdit(part, name, dialect));
    }
    return edits;
  }
  const quote = chain.parts.find((part) => part.quoted)?.token.quote;
  const text = parts.map((name) => (quote === undefined ? renderIdentifier(name, dialect) : quoteIdentifier(name, dialect, quote))).join('.');
  return [{ start: chain.start, end: chain.end, text }];
}
