import type { DbtColumn, DbtModel, DbtVersion } from './dbt-schemas.js';
import type { DbtContext, DbtPath } from './dbt-context.js';
import { dbtColumnSchema, dbtIncludeSchema } from './dbt-schemas.js';
import { dbtError } from './dbt-context.js';
import { parseDbtNode } from './parse-dbt-node.js';

/** A column with the place it was declared, for errors about it. */
export type DbtColumnEntry = { column: DbtColumn; path: DbtPath };

export type DbtLatestVersion = { id: string; version: DbtVersion; path: DbtPath };

const numeric = /^-?\d+(?:\.\d+)?$/;

/** Version ids oldest first: numerically when all are numbers, else alphabetically, as dbt orders them. */
export function sortVersionIds(ids: readonly string[]): string[] {
  const allNumeric = ids.every((id) => numeric.test(id));
  return [...ids].sort((left, right) => (allNumeric ? Number(left) - Number(right) : left < right ? -1 : left > right ? 1 : 0));
}

/** The model's versions, oldest first, and its latest: `latest_version`, else the highest `v`. */
export function resolveDbtVersions(model: DbtModel, modelPath: DbtPath, context: DbtContext): { ids: string[]; latest?: DbtLatestVersion } {
  const versions = model.versions ?? [];
  const ids = versions.map((version) => String(version.v));
  for (const [index, id] of ids.entries()) {
    if (ids.indexOf(id) !== index) throw dbtError(context, [...modelPath, 'versions', index], `model ${model.name} declares version ${id} twice`);
  }
  const ordered = sortVersionIds(ids);
  if (ordered.length === 0) return { ids: [] };
  const latestId = model.latest_version === undefined || model.latest_version === null ? ordered.at(-1) : String(model.latest_version);
  const index = latestId === undefined ? -1 : ids.indexOf(latestId);
  const version = versions[index];
  if (latestId === undefined || version === undefined) {
    throw dbtError(context, [...modelPath, 'latest_version'], `model ${model.name}: latest_version ${latestId ?? ''} is not one of its versions (${ordered.join(', ')})`);
  }
  return { ids: ordered, latest: { id: latestId, version, path: [...modelPath, 'versions', index] } };
}

/**
 * The columns of one version by dbt's rules: the model's columns filtered by the version's
 * include/exclude element (default: all of them), then the version's own columns, which replace
 * a model column of the same name or are added. A version without `columns` has the model's.
 */
export function resolveDbtColumns(model: DbtModel, modelPath: DbtPath, latest: DbtLatestVersion | undefined, context: DbtContext): DbtColumnEntry[] {
  const base: DbtColumnEntry[] = (model.columns ?? []).map((column, index) => ({ column, path: [...modelPath, 'columns', index] }));
  const entries = latest?.version.columns;
  if (latest === undefined || entries === undefined || entries === null) return base;
  const filters: Array<{ include: 'all' | '*' | string[]; exclude: string[]; path: DbtPath }> = [];
  const own: DbtColumnEntry[] = [];
  for (const [index, entry] of entries.entries()) {
    const path = [...latest.path, 'columns', index];
    if ('include' in entry || 'exclude' in entry) {
      const filter = parseDbtNode(dbtIncludeSchema, entry, path, context);
      filters.push({ include: filter.include ?? 'all', exclude: filter.exclude ?? [], path });
    } else {
      own.push({ column: parseDbtNode(dbtColumnSchema, entry, path, context), path });
    }
  }
  const [filter = { include: 'all' as const, exclude: [], path: latest.path }, second] = filters;
  if (second !== undefined) throw dbtError(context, second.path, `not a dbt schema: version ${latest.id} of model ${model.name} has more than one include/exclude element`);
  const all = filter.include === 'all' || filter.include === '*';
  if (!all && filter.exclude.length > 0) throw dbtError(context, filter.path, `not a dbt schema: exclude is allowed only with include: all (version ${latest.id} of model ${model.name})`);
  const named = all ? filter.exclude : filter.include;
  for (const name of Array.isArray(named) ? named : []) {
    if (!base.some((entry) => entry.column.name === name)) {
      throw dbtError(context, filter.path, `version ${latest.id} of model ${model.name} ${all ? 'excludes' : 'includes'} column ${name}, which the model does not declare`);
    }
  }
  const included = base.filter((entry) => (all ? !filter.exclude.includes(entry.column.name) : filter.include.includes(entry.column.name)));
  for (const entry of own) {
    const at = included.findIndex((candidate) => candidate.column.name === entry.column.name);
    if (at >= 0) included[at] = entry;
    else included.push(entry);
  }
  return included;
}
