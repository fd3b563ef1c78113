import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnyValidateFunction, ErrorObject } from 'ajv/dist/core.js';
import type { JsonSchemaFile } from './schema-node.js';
import type { JsonSchemaDraft } from './json-schema-draft.js';
import { schemaErrorAt } from './schema-node.js';
import { decodeJsonPointer } from '../json-text.js';
import { describePointer } from './describe-pointer.js';

const metaSchemaIds: Readonly<Record<JsonSchemaDraft, string>> = {
  'draft-07': 'http://json-schema.org/draft-07/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

// Compiling a meta-schema takes tens of milliseconds, so each is compiled once per process. The
// validators hold no per-document state beyond `errors`, which is read right after each
// synchronous call.
const metaValidators = new Map<JsonSchemaDraft, AnyValidateFunction>();

function getMetaValidatorOrThrow(draft: JsonSchemaDraft): AnyValidateFunction {
  const cached = metaValidators.get(draft);
  if (cached !== undefined) return cached;
  // Unknown keywords (x-renamed-from and other x- extensions) are allowed: strict mode off, no logging.
  const options = { strict: false, logger: false } as const;
  const ajv = draft === '2020-12' ? new Ajv2020(options) : new Ajv(options);
  const validate = ajv.getSchema(metaSchemaIds[draft]);
  if (validate === undefined) throw new Error(`ajv has no meta-schema ${metaSchemaIds[draft]}`);
  metaValidators.set(draft, validate);
  return validate;
}

// Among errors at the same place, the most telling first: a list of allowed values beats "must be array"
// from the second branch of the meta-schema's anyOf.
const keywordRank: ReadonlyMap<string, number> = new Map([
  ['enum', 0], ['const', 0], ['type', 2], ['anyOf', 3], ['oneOf', 3], ['if', 3], ['not', 3],
]);

function rank(error: ErrorObject): [number, number] {
  return [-decodeJsonPointer(error.instancePath).length, keywordRank.get(error.keyword) ?? 1];
}

function pickError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  return [...errors].sort((left, right) => {
    const [leftDepth, leftKeyword] = rank(left);
    const [rightDepth, rightKeyword] = rank(right);
    return leftDepth - rightDepth || leftKeyword - rightKeyword;
  })[0];
}

function describeError(error: ErrorObject): string {
  const allowed: unknown = error.params.allowedValues;
  const values = Array.isArray(allowed) ? ` (${allowed.map((value) => String(value)).join(', ')})` : '';
  return `invalid schema: ${describePointer(decodeJsonPointer(error.instancePath))} ${error.message ?? 'is invalid'}${values}`;
}

/**
 * Checks a document against its draft's meta-schema, so a misspelt type or a malformed keyword
 * is refused with the keyword and its line rather than read as something else.
 */
export function validateAgainstMetaSchema(source: JsonSchemaFile, root: unknown, draft: JsonSchemaDraft): void {
  const validate = getMetaValidatorOrThrow(draft);
  if (validate(root) === true) return;
  const error = pickError(validate.errors ?? []);
  if (error === undefined) throw schemaErrorAt(source, [], 'invalid schema');
  throw schemaErrorAt(source, decodeJsonPointer(error.instancePath), describeError(error));
}
