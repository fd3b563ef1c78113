import type { AvroJson } from './avro-json.js';
import { findJsonValue, lineOfPointer } from './avro-json.js';

/**
 * What avsc was reading when it gave up: the last object or array it entered (by identity), and
 * the type names it was handed as strings since then, with how often each came up.
 */
export type AvscTrace = { lastObject: object | undefined; lastString: string | undefined; stringCounts: Map<string, number> };

export type AvroErrorContext = {
  raw: unknown;
  json: AvroJson;
  pointers: WeakMap<object, string>;
  trace: AvscTrace;
};

type Located = { pointer: string; of?: 'key' | 'value'; message: string };

type Site = { node: string; object: string; context: AvroErrorContext };

// Where a type can be written: the root, a field's `type`, `items`, `values`, or a union branch.
function isTypePosition(pointer: string): boolean {
  if (pointer === '' || /\/fields\/\d+\/type$/.test(pointer) || /\/(?:items|values)$/.test(pointer)) return true;
  return /\/\d+$/.test(pointer) && isTypePosition(pointer.slice(0, pointer.lastIndexOf('/')));
}

/** The n-th type reference spelled `name` after `from` in document order: avsc reads types in that order. */
function findTypeReference(json: AvroJson, name: string, from: number, nth: number): string | undefined {
  const hits = [...json.byPointer.entries()]
    .filter(([pointer, node]) => node.type === 'string' && node.value === name && node.offset >= from && isTypePosition(pointer))
    .sort(([, left], [, right]) => left.offset - right.offset);
  return (hits[nth - 1] ?? hits.at(-1))?.[0];
}

/** The pointers of `pointer` and its ancestors, innermost first. */
function ancestry(pointer: string): string[] {
  const chain = [pointer];
  let current = pointer;
  while (current !== '') {
    current = current.slice(0, current.lastIndexOf('/'));
    chain.push(current);
  }
  return chain;
}

function fieldsOf(raw: unknown, pointer: string): unknown[] {
  const node = findJsonValue(raw, pointer);
  if (typeof node !== 'object' || node === null || !('fields' in node) || !Array.isArray(node.fields)) return [];
  return node.fields;
}

function nameOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'name' in value ? value.name : undefined;
}

function truncate(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const validName = /^[A-Za-z_][A-Za-z0-9_]*$/;

// The first field in document order that fails `test`: avsc stops at the first bad field it meets.
function firstField(site: Site, test: (field: unknown) => boolean): string | undefined {
  return [...site.context.json.byPointer.entries()]
    .filter(([pointer]) => /\/fields\/\d+$/.test(pointer) && test(findJsonValue(site.context.raw, pointer)))
    .sort(([, left], [, right]) => left.offset - right.offset)[0]?.[0];
}

function locateDefault(site: Site, written: string, unionHint: string | undefined): Located {
  const fields = ancestry(site.node).filter((pointer) => /\/fields\/\d+$/.test(pointer));
  const withDefault = fields.filter((pointer) => {
    const field = findJsonValue(site.context.raw, pointer);
    return typeof field === 'object' && field !== null && 'default' in field;
  });
  const field = withDefault.find((pointer) => {
    const value = findJsonValue(site.context.raw, `${pointer}/default`);
    return JSON.stringify(value) === written;
  }) ?? withDefault[0] ?? site.node;
  const name = String(nameOf(findJsonValue(site.context.raw, field)));
  const hint = unionHint === undefined ? '' : `; a union's default must match its first branch (${unionHint})`;
  return { pointer: `${field}/default`, of: 'key', message: `field "${name}": default ${truncate(written)} does not match its type${hint}` };
}

const rules: ReadonlyArray<{ pattern: RegExp; locate(match: RegExpExecArray, site: Site): Located }> = [
  {
    pattern: /^undefined type name: (.*)$/,
    locate: (match, site) => {
      const written = site.context.trace.lastString ?? match[1] ?? '';
      const resolved = match[1] ?? written;
      const detail = resolved === written ? '' : ` (resolved as ${resolved})`;
      return { pointer: site.node, message: `unknown type "${written}"${detail}` };
    },
  },
  {
    pattern: /^duplicate field name/,
    locate: (_match, site) => {
      const names = fieldsOf(site.context.raw, site.object).map(nameOf);
      const at = names.findIndex((name, index) => names.indexOf(name) !== index);
      const record = nameOf(findJsonValue(site.context.raw, site.object));
      return { pointer: `${site.object}/fields/${at}/name`, message: `duplicate field name "${String(names[at])}" in record ${String(record)}` };
    },
  },
  {
    pattern: /^incompatible field default (.*?) \(.*?\)(?:, union defaults must match the first branch's type \((.*)\))?$/s,
    locate: (match, site) => locateDefault(site, match[1] ?? '', match[2]),
  },
  {
    pattern: /^invalid field name: (.*)$/,
    locate: (match, site) => {
      const field = firstField(site, (value) => typeof nameOf(value) !== 'string' || !validName.test(String(nameOf(value)))) ?? site.object;
      return { pointer: field, message: `invalid field name "${match[1] ?? ''}"` };
    },
  },
  {
    pattern: /^invalid order: (.*)$/,
    locate: (match, site) => {
      const orders = new Set(['ascending', 'descending', 'ignore', undefined]);
      const field = firstField(site, (value) => typeof value === 'object' && value !== null && 'order' in value && !orders.has(String(value.order))) ?? site.object;
      return { pointer: `${field}/order`, message: `field "${String(nameOf(findJsonValue(site.context.raw, field)))}": invalid order ${match[1] ?? ''}` };
    },
  },
  { pattern: /^(?:duplicate type name|cannot rename primitive type)/, locate: (match, site) => ({ pointer: `${site.object}/name`, message: match.input }) },
  { pattern: /^invalid name: (.*)$/, locate: (match, site) => ({ pointer: site.node === site.object ? `${site.object}/name` : site.node, message: `invalid name ${match[1] ?? ''}` }) },
  { pattern: /^missing name property/, locate: (_match, site) => ({ pointer: site.object, message: 'a record, enum or fixed type has no "name"' }) },
  { pattern: /symbols?[: ]/, locate: (match, site) => ({ pointer: `${site.object}/symbols`, of: 'key', message: match.input }) },
  { pattern: /^invalid .* default: /, locate: (match, site) => ({ pointer: `${site.object}/default`, of: 'key', message: match.input }) },
  { pattern: /^invalid .* size$/, locate: (_match, site) => ({ pointer: `${site.object}/size`, of: 'key', message: `fixed type ${String(nameOf(findJsonValue(site.context.raw, site.object)))} needs a positive integer "size"` }) },
  { pattern: /^unknown type: (.*)$/, locate: (match, site) => ({ pointer: `${site.object}/type`, message: `unknown type ${match[1] ?? ''}` }) },
  { pattern: /^missing (array items|map values)/, locate: (match, site) => ({ pointer: site.object, message: match[1] === 'array items' ? 'array type has no "items"' : 'map type has no "values"' }) },
  { pattern: /^non-array record fields/, locate: (_match, site) => ({ pointer: site.object, message: `record ${String(nameOf(findJsonValue(site.context.raw, site.object)))} has no "fields" array` }) },
  {
    pattern: /union|^ambiguous/,
    locate: (match, site) => {
      const union = ancestry(site.node).find((pointer) => isTypePosition(pointer) && Array.isArray(findJsonValue(site.context.raw, pointer)));
      return { pointer: union ?? site.node, message: match.input };
    },
  },
  {
    pattern: /^invalid type: null/,
    locate: (_match, site) => {
      const from = site.context.json.byPointer.get(site.object)?.offset ?? 0;
      const pointer = [...site.context.json.byPointer.entries()]
        .filter(([candidate, node]) => node.type === 'null' && node.offset >= from && isTypePosition(candidate))
        .sort(([, left], [, right]) => left.offset - right.offset)[0]?.[0];
      return { pointer: pointer ?? site.object, message: 'a type is JSON null (did you mean the string "null"?)' };
    },
  },
];

/** A one-line message and the line of the schema node an avsc error is about. */
export function locateAvscError(avscMessage: string, context: AvroErrorContext): { message: string; line: number } {
  const { trace, json, pointers } = context;
  const object = trace.lastObject === undefined ? '' : (pointers.get(trace.lastObject) ?? '');
  const from = json.byPointer.get(object)?.offset ?? 0;
  const reference = trace.lastString === undefined
    ? undefined
    : findTypeReference(json, trace.lastString, trace.lastObject === undefined ? 0 : from, trace.stringCounts.get(trace.lastString) ?? 1);
  const site: Site = { node: reference ?? object, object, context };
  for (const rule of rules) {
    const match = rule.pattern.exec(avscMessage);
    if (match === null) continue;
    const located = rule.locate(match, site);
    return { message: truncate(located.message.split('\n')[0] ?? '', 200), line: lineOfPointer(json, located.pointer, located.of) };
  }
  return { message: truncate(avscMessage.split('\n')[0] ?? '', 200), line: lineOfPointer(json, site.node) };
}
