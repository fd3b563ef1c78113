import type { Node, ParseError } from 'jsonc-parser';
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { SchemaFormat } from '../types.js';
import { SchemaError } from '../schema-error.js';

/** One node of a JSON syntax tree (jsonc-parser's): its kind, offset and, for an object member, key and value. */
export type JsonNode = Node;

/** JSON text that parsed: the value `JSON.parse` gives, and the syntax tree that says where each part sits. */
export type JsonText = { text: string; value: unknown; tree: JsonNode };

/** Object keys and array indexes from the root; an index may be written as a string, as in a JSON pointer. */
export type JsonPath = readonly (string | number)[];

// Exactly JSON: no comments, no trailing commas, no empty document.
const strictJson = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

const phrases: Record<ReturnType<typeof printParseErrorCode>, string> = {
  InvalidSymbol: 'unexpected token',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace expected',
  CloseBracketExpected: 'closing bracket expected',
  EndOfFileExpected: 'unexpected content after the top-level value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid \\u escape in string',
  InvalidEscapeCharacter: 'invalid escape in string',
  InvalidCharacter: 'control character in string',
  '<unknown ParseErrorCode>': 'syntax error',
};

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i += 1) {
    if (text.charCodeAt(i) === 10) line += 1;
  }
  return line;
}

/** The phrase and line a person needs to fix the first error: where the file ends early, or where a trailing comma sits. */
function describeParseError(text: string, error: ParseError): { reason: string; line: number } {
  const contentEnd = text.replace(/[ \t\r\n]+$/, '').length;
  if (contentEnd === 0) return { reason: 'file is empty', line: 1 };
  // jsonc-parser reports the token after the problem; for these two the fix is on an earlier line.
  if (error.offset >= contentEnd) return { reason: 'unexpected end of file', line: lineAt(text, contentEnd - 1) };
  const before = text.slice(0, error.offset).replace(/[ \t\r\n]+$/, '');
  if ((text.charAt(error.offset) === ']' || text.charAt(error.offset) === '}') && before.endsWith(',')) {
    return { reason: 'trailing comma', line: lineAt(text, before.length - 1) };
  }
  return { reason: phrases[printParseErrorCode(error.error)], line: lineAt(text, error.offset) };
}

/**
 * Parses strict JSON. The first syntax error becomes one `invalid-syntax` line with its line
 * number, worded the same on every Node version (V8's `JSON.parse` messages are not).
 */
export function parseJsonText(text: string, file: string, format: SchemaFormat): JsonText {
  const errors: ParseError[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(text, errors, strictJson);
  } catch (error) {
    // The parser recurses per nesting level; only hostile input nests deep enough to exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    throw new SchemaError('invalid-syntax', file, 'invalid JSON: nested too deeply to read', { line: 1, format });
  }
  const first = errors[0];
  if (first !== undefined || tree === undefined) {
    const { reason, line } = first === undefined ? { reason: 'file is empty', line: 1 } : describeParseError(text, first);
    throw new SchemaError('invalid-syntax', file, `invalid JSON: ${reason}`, { line, format });
  }
  // The strict tree accepted exactly JSON, so JSON.parse agrees; its plain objects are what readers expect.
  const value: unknown = JSON.parse(text);
  return { text, value, tree };
}

/** An object member by key (the last of duplicates, the one JSON.parse keeps) or an array element by index. */
function findChild(node: JsonNode, segment: string | number): JsonNode | undefined {
  if (node.type === 'array') {
    const index = typeof segment === 'number' ? segment : /^(?:0|[1-9]\d*)$/.test(segment) ? Number(segment) : -1;
    return node.children?.[index];
  }
  if (node.type !== 'object') return undefined;
  const key = String(segment);
  return node.children?.findLast((member) => member.children?.[0]?.value === key)?.children?.[1];
}

/**
 * The 1-based line of the value at `path`, or with `of: 'key'` of its key when it is an object
 * member. A path that does not exist falls back to its nearest existing ancestor.
 */
export function lineOfJsonPath(json: JsonText, path: JsonPath, of: 'key' | 'value' = 'value'): number {
  let node = json.tree;
  for (const segment of path) {
    const child = findChild(node, segment);
    if (child === undefined) break;
    node = child;
  }
  const keyed = of === 'key' && node.parent?.type === 'property' ? node.parent : node;
  return lineAt(json.text, keyed.offset);
}

/** A JSON pointer (`/properties/a~1b`, RFC 6901) as its unescaped segments; `''` is the root. */
export function decodeJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Segments back to a JSON pointer, escaping `~` and `/`. */
export function encodeJsonPointer(segments: JsonPath): string {
  return segments.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
