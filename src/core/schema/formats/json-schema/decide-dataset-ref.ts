import type { DatasetRef } from '../../types.js';
import { findString, isJsonObject } from './json-value.js';

const schemaFileEndings = /(\.schema)?\.json$/i;

function nameFromId(id: string): string | undefined {
  const path = id.split('#')[0]?.split('?')[0] ?? '';
  const last = path.split('/').filter((segment) => segment !== '').at(-1) ?? '';
  // `urn:acme:order-placed` names its dataset after the last colon.
  const name = last.slice(last.lastIndexOf(':') + 1).replace(schemaFileEndings, '');
  return name === '' ? undefined : name;
}

function nameFromFile(file: string): string {
  const base = file.split(/[\\/]/).at(-1) ?? file;
  return base.replace(schemaFileEndings, '') || base;
}

/** The document's `$id` without an empty trailing fragment, which names the same resource. */
function findDocumentId(root: unknown): string | undefined {
  const id = isJsonObject(root) ? findString(root, '$id')?.trim() : undefined;
  if (id === undefined || id === '' || id.startsWith('#')) return undefined;
  return id.replace(/#$/, '');
}

/**
 * The dataset a JSON Schema document describes: named by `title`, else by the last segment of
 * `$id`, else by the file; its physical name is the `$id` when there is one.
 */
export function decideDatasetRef(root: unknown, file: string): DatasetRef {
  const title = isJsonObject(root) ? findString(root, 'title')?.trim() : undefined;
  const id = findDocumentId(root);
  const name = (title === undefined || title === '' ? undefined : title) ?? (id === undefined ? undefined : nameFromId(id)) ?? nameFromFile(file);
  return { name, physicalName: id ?? name };
}
