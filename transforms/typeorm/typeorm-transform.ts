import type { ts } from 'ts-morph';
import type { Change } from '../../src/core/schema/index.js';
import type { Transform, TransformContext, TransformResult } from '../../src/core/codemods/index.js';
import { findReferenceSites, findRenameEdits, toProjectPath } from '../../src/core/codemods/index.js';
import type { Entity, EntityColumn, NameSite } from './find-entities.js';
import { findEntities } from './find-entities.js';

const id = 'typeorm';
const handledKinds = new Set<Change['kind']>(['field.renamed', 'field.removed', 'field.suspected-rename', 'field.type-changed', 'dataset.renamed']);

type Located = { path: string; sourceFile: ts.SourceFile; entity: Entity };

function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

function isDatasetEntity(entity: Entity, names: readonly string[]): boolean {
  const qualified = entity.schema === undefined ? entity.table : `${entity.schema}.${entity.table}`;
  return names.includes(qualified) || (entity.schema === undefined && names.includes(entity.table));
}

function contentOf(site: NameSite, sourceFile: ts.SourceFile): { start: number; end: number } {
  return { start: site.literal.getStart(sourceFile) + 1, end: site.literal.getEnd() - 1 };
}

function describe(change: Change, column: EntityColumn): string {
  switch (change.kind) {
    case 'field.removed':
      return `entity property \`${column.propertyName}\` maps column \`${column.column}\`, which the dataset no longer has`;
    case 'field.suspected-rename':
      return `column \`${column.column}\` may have been renamed to \`${change.to ?? '?'}\` (heuristic); the producer must confirm it first`;
    default:
      return `column \`${column.column}\` changed type from \`${change.from ?? '?'}\` to \`${change.to ?? '?'}\`; update the column's \`type\` option by hand`;
  }
}

function applyColumnChange(context: TransformContext, located: Located, change: Change, result: TransformResult): void {
  const { path, sourceFile, entity } = located;
  const column = entity.columns.find((candidate) => candidate.column === change.path[0]);
  if (column === undefined) return;
  const propertyStart = column.property.name.getStart(sourceFile);
  if (change.kind === 'field.renamed' && change.to !== undefined) {
    // An explicit `name` is the only place the column is named; otherwise the property is (issue item 4).
    if (column.nameSite !== undefined) {
      result.edits.push({ path, ...contentOf(column.nameSite, sourceFile), text: change.to, transform: id, change });
      return;
    }
    const renamed = findRenameEdits(context, { path, start: propertyStart }, change.to, { transform: id, change });
    if ('edits' in renamed) result.edits.push(...renamed.edits);
    else result.leftovers.push({ path, line: context.lineAt(path, propertyStart), change, reason: renamed.reason });
    return;
  }
  if (change.kind === 'field.type-changed') {
    if (column.typeOption !== undefined) result.leftovers.push({ path, line: context.lineAt(path, column.typeOption.getStart(sourceFile)), change, reason: describe(change, column) });
    return;
  }
  for (const reference of findReferenceSites(context, { path, start: propertyStart })) {
    result.leftovers.push({ path: reference.path, line: context.lineAt(reference.path, reference.start), change, reason: reference.isDefinition ? describe(change, column) : `uses \`${column.propertyName}\`, mapped from column \`${column.column}\`, which the dataset no longer has in this form` });
  }
}

function applyDatasetRename(context: TransformContext, located: Located, change: Change, result: TransformResult): void {
  const { path, sourceFile, entity } = located;
  const from = change.from ?? '';
  const to = change.to ?? '';
  const split = (name: string): [string | undefined, string] => (name.includes('.') ? [name.slice(0, name.lastIndexOf('.')), name.slice(name.lastIndexOf('.') + 1)] : [undefined, name]);
  const [fromSchema, fromTable] = split(from);
  const [toSchema, toTable] = split(to);
  const qualifiedInName = entity.table === from;
  if (!qualifiedInName && (entity.table !== fromTable || (entity.schema !== undefined && entity.schema !== fromSchema))) return;
  if (entity.tableSite === undefined) {
    result.leftovers.push({ path, line: context.lineAt(path, entity.declaration.getStart(sourceFile)), change, reason: `the entity's table name comes from its class name; name the table \`${toTable}\` in \`@Entity\` by hand` });
    return;
  }
  result.edits.push({ path, ...contentOf(entity.tableSite, sourceFile), text: qualifiedInName ? to : toTable, transform: id, change });
  if (!qualifiedInName && entity.schemaSite !== undefined && toSchema !== undefined && toSchema !== entity.schema) {
    result.edits.push({ path, ...contentOf(entity.schemaSite, sourceFile), text: toSchema, transform: id, change });
  }
}

/**
 * TypeORM (DESIGN §3): `@Entity('table')` / `@Entity({ name, schema })` classes and their
 * `@Column({ name })` mappings. A rename changes the explicit column name when there is one and
 * renames the property through the language service when the property is the column name.
 */
export const typeormTransform: Transform = {
  id,
  handles: (change) => handledKinds.has(change.kind) && (change.kind === 'dataset.renamed' || change.path.length === 1),
  // Entity properties are, by convention, the camel-cased column names.
  tokens: (change) => (change.path.length === 1 ? [camelCase(change.path[0] ?? '')] : []),
  apply(context) {
    const result: TransformResult = { edits: [], leftovers: [] };
    const program = context.project.getLanguageService().compilerObject.getProgram();
    if (program === undefined) return result;
    const located: Located[] = [];
    for (const file of context.files) {
      if (!file.text.includes('@Entity')) continue;
      const sourceFile = program.getSourceFile(toProjectPath(file.path));
      if (sourceFile !== undefined) for (const entity of findEntities(sourceFile)) located.push({ path: file.path, sourceFile, entity });
    }
    for (const change of context.changes) {
      for (const entry of located) {
        if (change.kind === 'dataset.renamed') applyDatasetRename(context, entry, change, result);
        else if (isDatasetEntity(entry.entity, context.datasetNames)) applyColumnChange(context, entry, change, result);
      }
    }
    return result;
  },
};
