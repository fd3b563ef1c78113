import type { DatasetSchema, Field, FieldConstraints } from '../../types.js';
import { findVersionInName } from '../../dataset-version.js';
import type { SqlCatalog, SqlColumnState, SqlConstraintState, SqlTableState } from './sql-catalog.js';
import type { SqlUserTypes } from './convert-sql-type.js';
import { convertSqlType, readsNullAsEmpty } from './convert-sql-type.js';
import { displayName, findByQualifiedName, mentionsColumn } from './sql-catalog.js';
import { renderSqlExpression } from './render-sql-expression.js';

type TableConstraints = { fields: Map<string, FieldConstraints>; checks: Map<string, string[]>; dataset: FieldConstraints; datasetChecks: string[] };

function userTypes(catalog: SqlCatalog, line: number): SqlUserTypes {
  const entries = <T>(map: Map<string, T>): Array<readonly [string[], T]> => [...map.entries()].map(([key, value]) => [key.split('.'), value] as const);
  return {
    findEnum: (name) => findByQualifiedName(entries(catalog.enums), name.split('.'), line, 'type'),
    findDomain: (name) => findByQualifiedName(entries(catalog.domains), name.split('.'), line, 'domain'),
  };
}

function renderReferences(constraint: SqlConstraintState): string {
  const target = constraint.references;
  if (target === undefined) return '';
  return target.columns.length === 0 ? target.table : `${target.table}(${target.columns.join(', ')})`;
}

/** Several checks on one field or table read as one conjunction, in a fixed order. */
export function combineChecks(checks: readonly string[]): string {
  const unique = [...new Set(checks)].sort();
  return unique.length === 1 ? (unique[0] ?? '') : unique.map((check) => `(${check})`).join(' AND ');
}

/**
 * Where each key or check lands: single-column keys and checks that mention exactly one column
 * on that column's field (wherever the DDL wrote them), composite ones on the dataset.
 */
function placeConstraints(catalog: SqlCatalog, table: SqlTableState): TableConstraints {
  const placed: TableConstraints = { fields: new Map(), checks: new Map(), dataset: {}, datasetChecks: [] };
  const field = (name: string): FieldConstraints => {
    const existing = placed.fields.get(name);
    if (existing !== undefined) return existing;
    const created: FieldConstraints = {};
    placed.fields.set(name, created);
    return created;
  };
  for (const constraint of table.constraints) {
    const [only] = constraint.columns;
    const single = constraint.columns.length === 1 ? only : undefined;
    if (constraint.kind === 'primaryKey') for (const name of constraint.columns) field(name).primaryKey = true;
    else if (constraint.kind === 'unique' && single !== undefined) field(single).unique = true;
    else if (constraint.kind === 'unique') placed.dataset[`unique(${[...constraint.columns].sort().join(', ')})`] = true;
    else if (constraint.kind === 'foreignKey' && single !== undefined) field(single).references = renderReferences(constraint);
    else if (constraint.kind === 'foreignKey') placed.dataset[`references(${constraint.columns.join(', ')})`] = renderReferences(constraint);
    else if (constraint.check !== undefined) {
      const check = renderSqlExpression(constraint.check, catalog.dialect);
      const tokens = constraint.check;
      const mentioned = table.columns.filter((column) => mentionsColumn(tokens, column.name, catalog.dialect));
      const [owner] = mentioned;
      if (mentioned.length === 1 && owner !== undefined) placed.checks.set(owner.name, [...(placed.checks.get(owner.name) ?? []), check]);
      else placed.datasetChecks.push(check);
    }
  }
  if (placed.datasetChecks.length > 0) placed.dataset.check = combineChecks(placed.datasetChecks);
  return placed;
}

function buildField(catalog: SqlCatalog, column: SqlColumnState, placed: TableConstraints): Field {
  const converted = convertSqlType(column.type, { dialect: catalog.dialect, path: [column.name], userTypes: userTypes(catalog, column.line) });
  const constraints: FieldConstraints = { ...converted.constraints, ...placed.fields.get(column.name) };
  const checks = [...(typeof converted.constraints.check === 'string' ? [converted.constraints.check] : []), ...(placed.checks.get(column.name) ?? [])];
  if (checks.length > 0) constraints.check = combineChecks(checks);
  const field: Field = {
    name: column.name,
    path: [column.name],
    type: converted.type,
    nullable: !(column.notNull || converted.notNull) && !readsNullAsEmpty(converted.type, catalog.dialect),
    hasDefault: column.hasDefault || converted.serial,
    renamedFrom: [...new Set(column.renamedFrom)].filter((name) => name !== column.name),
    deprecated: false,
  };
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  if (column.description !== undefined) field.description = column.description;
  return field;
}

/** One dataset per table the file leaves defined, in the order the tables were created. */
export function buildSqlDatasets(catalog: SqlCatalog): DatasetSchema[] {
  return catalog.tables.map((table) => {
    const placed = placeConstraints(catalog, table);
    const physicalName = displayName(table.parts);
    const schema: DatasetSchema = {
      dataset: { name: table.parts.at(-1) ?? physicalName, physicalName },
      format: 'sql',
      fields: table.columns.map((column) => buildField(catalog, column, placed)),
    };
    const version = findVersionInName(physicalName);
    if (version !== undefined) schema.version = version;
    const renamedFrom = [...new Set(table.renamedFrom)].filter((name) => name !== physicalName);
    if (renamedFrom.length > 0) schema.renamedFrom = renamedFrom;
    if (table.description !== undefined) schema.description = table.description;
    if (Object.keys(placed.dataset).length > 0) schema.constraints = placed.dataset;
    return schema;
  });
}
