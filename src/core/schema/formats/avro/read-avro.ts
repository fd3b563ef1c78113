import type { SchemaReader } from '../schema-reader.js';
import { parseJsonText } from '../json-text.js';
import { indexAvroJson } from './avro-json.js';
import { createAvroWalk } from './avro-walk.js';
import { findAvroSchemaProblem } from './find-avro-schema-problem.js';
import { readAvroDatasets } from './read-avro-datasets.js';

/** Reads an Avro schema (`.avsc`): avsc validates it, then the raw JSON is walked into the canonical model. */
export const avroReader: SchemaReader = {
  format: 'avro',
  extensions: ['.avsc'],
  read(source) {
    const parsed = parseJsonText(source.text, source.path, 'avro');
    const raw = parsed.value;
    const json = indexAvroJson(parsed);
    const problem = findAvroSchemaProblem({ file: source.path, raw, json });
    if (problem?.explained === true) throw problem.error;
    // When avsc tripped over malformed input, the walk's shape checks usually name the attribute.
    const datasets = readAvroDatasets(createAvroWalk(source.path, json), raw);
    if (problem !== undefined) throw problem.error;
    return { format: 'avro', source: source.path, datasets };
  },
};
