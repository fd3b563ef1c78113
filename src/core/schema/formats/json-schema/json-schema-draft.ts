import { SchemaError } from '../../schema-error.js';
import { lineOfJsonPath } from '../json-text.js';
import type { JsonSchemaFile } from './schema-node.js';
import { isJsonObject } from './json-value.js';

/** The JSON Schema dialects the reader understands. */
export type JsonSchemaDraft = 'draft-07' | '2020-12';

// `$schema` spellings seen in the wild: with or without the empty fragment, http or https.
const draftsByUri: ReadonlyMap<string, JsonSchemaDraft> = new Map([
  ['json-schema.org/draft-07/schema', 'draft-07'],
  ['json-schema.org/draft/2020-12/schema', '2020-12'],
]);

/** The dialect a document declares in `$schema`; 2020-12 when it declares none. */
export function decideDraft(source: JsonSchemaFile, root: unknown): JsonSchemaDraft {
  if (!isJsonObject(root) || !('$schema' in root)) return '2020-12';
  const declared = root.$schema;
  const key = typeof declared === 'string' ? declared.trim().replace(/^https?:\/\//, '').replace(/#$/, '') : undefined;
  const draft = key === undefined ? undefined : draftsByUri.get(key);
  if (draft !== undefined) return draft;
  throw new SchemaError(
    'invalid-schema',
    source.path,
    `unsupported $schema ${JSON.stringify(declared)} (supported: http://json-schema.org/draft-07/schema#, https://json-schema.org/draft/2020-12/schema)`,
    { line: lineOfJsonPath(source.json, ['$schema'], 'key'), format: 'json-schema' },
  );
}
