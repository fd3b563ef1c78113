import type { DatasetSchema } from '../../types.js';
import type { DbtModel } from './dbt-schemas.js';
import type { DbtContext, DbtPath } from './dbt-context.js';
import { findVersionInName } from '../../dataset-version.js';
import { resolveDbtColumns, resolveDbtVersions } from './resolve-dbt-version.js';
import { buildDbtFields } from './build-dbt-fields.js';

function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * One model as a dataset. A versioned model is its latest version: that version's columns,
 * `version` = its id, `versions` = every id oldest first, and the physical name dbt gives it
 * (`<model>_v<id>`) unless a `config.alias` says otherwise.
 */
export function buildDbtDataset(model: DbtModel, modelPath: DbtPath, context: DbtContext): DatasetSchema {
  const { ids, latest } = resolveDbtVersions(model, modelPath, context);
  const own = latest?.version;
  const columns = resolveDbtColumns(model, modelPath, latest, context);
  const modelConstraints = own?.constraints !== undefined && own.constraints !== null && latest !== undefined
    ? { constraints: own.constraints, path: [...latest.path, 'constraints'] }
    : { constraints: model.constraints ?? [], path: [...modelPath, 'constraints'] };
  const { fields, constraints } = buildDbtFields(model.name, columns, modelConstraints, context);
  const physicalName = present(own?.config?.alias) ?? present(model.config?.alias) ?? (latest === undefined ? model.name : `${model.name}_v${latest.id}`);
  const schema: DatasetSchema = { dataset: { name: model.name, physicalName }, format: 'dbt', fields };
  const version = latest?.id ?? findVersionInName(physicalName);
  if (version !== undefined) schema.version = version;
  if (latest !== undefined) schema.versions = ids;
  const enforced = own?.config?.contract?.enforced ?? model.config?.contract?.enforced;
  if (enforced === true) constraints.contractEnforced = true;
  if (Object.keys(constraints).length > 0) schema.constraints = constraints;
  const deprecationDate = present(own?.deprecation_date) ?? present(model.deprecation_date);
  if (deprecationDate !== undefined) {
    schema.deprecated = true;
    schema.deprecationDate = deprecationDate;
  }
  // A renamed model may name its earlier names, as a column does, so the diff pairs the two.
  const earlier = model.config?.meta?.renamed_from ?? model.meta?.renamed_from;
  if (earlier !== undefined && earlier !== null) schema.renamedFrom = typeof earlier === 'string' ? [earlier] : [...earlier];
  const description = present(own?.description) ?? present(model.description);
  if (description !== undefined) schema.description = description;
  return schema;
}
