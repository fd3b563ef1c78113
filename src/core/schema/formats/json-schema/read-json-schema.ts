import type { SchemaReader } from '../schema-reader.js';
import { parseJsonText } from '../json-text.js';
import { decideDraft } from './json-schema-draft.js';
import { validateAgainstMetaSchema } from './validate-against-meta-schema.js';
import { indexResources, readRootNode } from './index-resources.js';
import { decideDatasetRef } from './decide-dataset-ref.js';
import { readDataset } from './read-dataset.js';

/**
 * JSON Schema (draft-07 and 2020-12; 2020-12 when `$schema` is absent) → one dataset. The
 * document is checked against its meta-schema first, so every error names a keyword and a line.
 */
export const jsonSchemaReader: SchemaReader = {
  format: 'json-schema',
  extensions: ['.schema.json', '.json'],
  read(source) {
    const file = { path: source.path, json: parseJsonText(source.text, source.path, 'json-schema') };
    const root = file.json.value;
    const draft = decideDraft(file, root);
    validateAgainstMetaSchema(file, root, draft);
    const rootNode = readRootNode(file, root);
    const dataset = decideDatasetRef(root, source.path);
    const context = { source: file, draft, root: rootNode, index: indexResources(file, rootNode), datasetName: dataset.name };
    return { format: 'json-schema', source: source.path, datasets: [readDataset(context, dataset)] };
  },
};
