import type { Field } from '../../../types.js';
import type { SchemaSource } from '../../schema-reader.js';
import type { JsonSchemaDraft } from '../json-schema-draft.js';
import { jsonSchemaReader } from '../read-json-schema.js';

/** The `$schema` each draft is declared with. */
export const draftUris: Readonly<Record<JsonSchemaDraft, string>> = {
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/** The definitions keyword each draft names in its meta-schema. */
export const definitionsKeyword: Readonly<Record<JsonSchemaDraft, string>> = { 'draft-07': 'definitions', '2020-12': '$defs' };

/** A JSON Schema document for tests, declaring `draft` and pretty-printed the way producers write them. */
export function buildJsonSchemaSource(draft: JsonSchemaDraft, body: Record<string, unknown>, path = 'contracts/order.schema.json'): SchemaSource {
  return { path, text: `${JSON.stringify({ $schema: draftUris[draft], ...body }, null, 2)}\n` };
}

/** An object root with these properties (all required unless listed otherwise). */
export function buildObjectSchema(properties: Record<string, unknown>, options: { required?: string[]; extra?: Record<string, unknown> } = {}): Record<string, unknown> {
  return { type: 'object', required: options.required ?? Object.keys(properties), properties, ...options.extra };
}

/** Every field of the one dataset the source describes. */
export function readFieldsOf(source: SchemaSource): Field[] {
  const [dataset] = jsonSchemaReader.read(source).datasets;
  if (dataset === undefined) throw new Error('the reader returned no dataset');
  return dataset.fields;
}

/** The single top-level field `value` of a document whose root declares one property. */
export function readOneField(draft: JsonSchemaDraft, property: unknown, options: { required?: boolean; extra?: Record<string, unknown> } = {}): Field {
  const body = buildObjectSchema({ value: property }, { required: options.required === false ? [] : ['value'], ...(options.extra === undefined ? {} : { extra: options.extra }) });
  const [field] = readFieldsOf(buildJsonSchemaSource(draft, body));
  if (field === undefined) throw new Error('the reader returned no field');
  return field;
}
