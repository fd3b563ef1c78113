import { LineCounter, isNode, parseDocument } from 'yaml';
import type { DbtPath } from './dbt-context.js';
import { SchemaError } from '../../schema-error.js';

export type DbtYaml = { data: unknown; lineOf(path: DbtPath): number };

/**
 * Parses YAML text, keeping a map from document paths to lines. YAML syntax errors (duplicate
 * keys included) become `invalid-syntax` with the line; merge keys (`<<:`) work as PyYAML, which
 * dbt uses, reads them.
 */
export function readDbtYaml(text: string, file: string): DbtYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
  const [error] = document.errors;
  if (error !== undefined) {
    const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
    // An error found at the end of the text (an unclosed quote) points at the last line that has text.
    const lastTextLine = text.trimEnd().split('\n').length;
    const line = Math.max(1, Math.min(lineCounter.linePos(error.pos[0]).line, lastTextLine));
    throw new SchemaError('invalid-syntax', file, `invalid YAML: ${reason}`, { line, format: 'dbt' });
  }
  return {
    data: document.toJS({ maxAliasCount: 1000 }),
    lineOf(path) {
      // The deepest node on the path that exists: a missing key is reported where its parent is.
      for (let length = path.length; length >= 0; length -= 1) {
        const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
        if (isNode(node) && node.range !== undefined && node.range !== null) return lineCounter.linePos(node.range[0]).line;
      }
      return 1;
    },
  };
}
