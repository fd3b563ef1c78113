import { LineCounter, isNode, parseAllDocuments, type Document } from 'yaml';
import type { z } from 'zod';
import { CatalogError } from './catalog-error.js';
import { catalogEntitySchema, describeIssue, findSpecSchema, type CatalogEntity } from './entity-schema.js';
import { entityRefOf, parseEntityRef } from './entity-ref.js';
import { relationRefContext, type RelationField } from './relation-refs.js';

/** An entity and where it is written, so later errors can point at it. */
export type LocatedEntity = { entity: CatalogEntity; file: string; line: number };

// The relation fields Backstage reads per kind; every ref in them must parse, or it refuses the entity.
const refFieldsByKind: Record<string, RelationField[]> = {
  component: ['dependsOn', 'dependencyOf', 'consumesApis', 'providesApis'],
  resource: ['dependsOn', 'dependencyOf'],
};

/**
 * Parses one catalog file (any number of `---` documents) into validated entities. Invalid YAML,
 * an entity Backstage would refuse, or a ref it could not parse throws a CatalogError naming the
 * file and the line.
 */
export function parseCatalogYaml(text: string, file: string): LocatedEntity[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter });
  if (!Array.isArray(documents)) return [];
  const lineAt = (offset: number) => Math.max(1, lineCounter.linePos(offset).line);
  const located: LocatedEntity[] = [];
  for (const document of documents) {
    const [error] = document.errors;
    if (error !== undefined) {
      throw new CatalogError('invalid-yaml', error.message.split('\n')[0] ?? 'invalid YAML', { source: file, line: error.linePos?.[0].line });
    }
    const raw: unknown = document.toJS();
    // A trailing `---` or a document of comments only holds no entity.
    if (raw === null || raw === undefined || document.contents === null) continue;
    const line = lineAt(document.contents.range[0]);
    const invalid = (issue: z.core.$ZodIssue | undefined, prefix: PropertyKey[] = []) => {
      const path = [...prefix, ...(issue?.path ?? [])];
      const problem = issue === undefined ? 'invalid entity' : describeIssue({ ...issue, path });
      return new CatalogError('invalid-entity', `${label(raw)}: ${problem}`, { source: file, line: lineOfPath(document, path, lineAt) ?? line });
    };
    const result = catalogEntitySchema.safeParse(raw, { reportInput: true });
    if (!result.success) throw invalid(result.error.issues[0]);
    const entity = result.data;
    const spec = findSpecSchema(entity.kind)?.safeParse(entity.spec, { reportInput: true });
    if (spec?.success === false) throw invalid(spec.error.issues[0], ['spec']);
    checkRefs(entity, document, lineAt, file);
    located.push({ entity, file, line });
  }
  return located;
}

/** Every ref in a relation field must parse, as Backstage would otherwise refuse the entity. */
function checkRefs(entity: CatalogEntity, document: Document, lineAt: (offset: number) => number, file: string): void {
  for (const field of refFieldsByKind[entity.kind.toLowerCase()] ?? []) {
    const refs = entity.spec?.[field];
    if (!Array.isArray(refs)) continue;
    const context = relationRefContext(entity, field);
    for (const [index, ref] of refs.entries()) {
      try {
        parseEntityRef(String(ref), context);
      } catch (error) {
        if (!(error instanceof CatalogError)) throw error;
        const line = lineOfPath(document, ['spec', field, index], lineAt);
        throw new CatalogError('invalid-entity', `${entityRefOf(entity)}: spec.${field}: ${error.message}`, { source: file, ...(line === undefined ? {} : { line }) });
      }
    }
  }
}

/** The line of the deepest node that exists along `path`: the bad value, or the mapping missing a key. */
function lineOfPath(document: Document, path: readonly PropertyKey[], lineAt: (offset: number) => number): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node: unknown = document.getIn(path.slice(0, depth).map((key) => (typeof key === 'number' ? key : String(key))), true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return undefined;
}

/** `component:default/x` when the document says that much, else `entity`. */
function label(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null || !('kind' in raw) || !('metadata' in raw)) return 'entity';
  const metadata = raw.metadata;
  if (typeof raw.kind !== 'string' || typeof metadata !== 'object' || metadata === null || !('name' in metadata) || typeof metadata.name !== 'string') return 'entity';
  const namespace = 'namespace' in metadata && typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  return entityRefOf({ kind: raw.kind, metadata: { name: metadata.name, namespace } });
}
