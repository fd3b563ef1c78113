import type { DatasetSchema } from './types.js';
import type { SchemaDocument } from './formats/index.js';
import { SchemaError } from './schema-error.js';

function names(schema: DatasetSchema): string[] {
  return [schema.dataset.name, ...(schema.dataset.physicalName === undefined ? [] : [schema.dataset.physicalName])];
}

function findByName(document: SchemaDocument, name: string): DatasetSchema | undefined {
  const lower = name.toLowerCase();
  return document.datasets.find((schema) => names(schema).some((candidate) => candidate.toLowerCase() === lower));
}

function listNames(document: SchemaDocument): string {
  return document.datasets.map((schema) => schema.dataset.name).join(', ');
}

function selectOld(document: SchemaDocument, name: string | undefined): DatasetSchema {
  if (name !== undefined) {
    const found = findByName(document, name);
    if (found === undefined) {
      throw new SchemaError('dataset-not-found', document.source, `no dataset named "${name}" (it defines: ${listNames(document) || 'none'})`, { format: document.format });
    }
    return found;
  }
  const [only, ...others] = document.datasets;
  if (only === undefined) throw new SchemaError('dataset-not-found', document.source, 'defines no dataset', { format: document.format });
  if (others.length > 0) {
    throw new SchemaError('ambiguous-dataset', document.source, `defines several datasets (${listNames(document)}); choose one with --dataset`, { format: document.format });
  }
  return only;
}

/** The new version of `oldSchema`: same name, else one that names it as an earlier name, else the only one. */
function selectNew(document: SchemaDocument, oldSchema: DatasetSchema, requested: string | undefined): DatasetSchema {
  const byName = findByName(document, oldSchema.dataset.name) ?? (requested === undefined ? undefined : findByName(document, requested));
  if (byName !== undefined) return byName;
  const oldNames = names(oldSchema);
  const renamed = document.datasets.find((schema) => (schema.renamedFrom ?? []).some((earlier) => oldNames.includes(earlier)));
  if (renamed !== undefined) return renamed;
  const [only, ...others] = document.datasets;
  if (only !== undefined && others.length === 0) return only;
  if (only === undefined) throw new SchemaError('dataset-not-found', document.source, 'defines no dataset', { format: document.format });
  throw new SchemaError('dataset-not-found', document.source, `no dataset matches "${oldSchema.dataset.name}" (it defines: ${listNames(document)}); choose one with --dataset`, { format: document.format });
}

/** The old and new versions of one dataset from two schema documents (docs/schema-changes.md, "Pairing"). */
export function selectDatasetPair(oldDocument: SchemaDocument, newDocument: SchemaDocument, name?: string): [DatasetSchema, DatasetSchema] {
  const oldSchema = selectOld(oldDocument, name);
  return [oldSchema, selectNew(newDocument, oldSchema, name)];
}
