import type { SchemaReader } from '../schema-reader.js';
import type { SqlDialect } from '../sql/index.js';
import type { DbtContext } from './dbt-context.js';
import type { z } from 'zod';
import { detectSqlDialect } from '../sql/index.js';
import { dbtError } from './dbt-context.js';
import { dbtPropertiesSchema } from './dbt-schemas.js';
import { parseDbtNode } from './parse-dbt-node.js';
import { readDbtYaml } from './read-dbt-yaml.js';
import { buildDbtDataset } from './build-dbt-dataset.js';

function hasModels(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && 'models' in data;
}

/** BigQuery when any data_type is written in BigQuery's spelling (`INT64`, `STRUCT<…>`), else Postgres. */
function detectDialect(file: z.infer<typeof dbtPropertiesSchema>): SqlDialect {
  const types: string[] = [];
  for (const model of file.models) {
    for (const column of model.columns ?? []) if (typeof column.data_type === 'string') types.push(column.data_type);
    for (const version of model.versions ?? []) {
      for (const column of version.columns ?? []) if (typeof column.data_type === 'string') types.push(column.data_type);
    }
  }
  return types.some((type) => detectSqlDialect(type) === 'bigquery') ? 'bigquery' : 'postgres';
}

/**
 * dbt properties files (`schema.yml`): one dataset per model, with its columns' types, tests,
 * constraints and meta, and its versions. YAML that is not a dbt schema is refused, never guessed at.
 */
export const dbtReader: SchemaReader = {
  format: 'dbt',
  extensions: ['.yml', '.yaml'],
  read(source) {
    const yaml = readDbtYaml(source.text, source.path);
    const base: DbtContext = { file: source.path, lineOf: yaml.lineOf, dialect: 'postgres' };
    if (!hasModels(yaml.data)) {
      throw dbtError(base, [], 'not a dbt schema: no "models:" list (a dbt properties file has "version: 2" and "models:")');
    }
    const file = parseDbtNode(dbtPropertiesSchema, yaml.data, [], base);
    const context: DbtContext = { ...base, dialect: detectDialect(file) };
    const seen = new Set<string>();
    for (const [index, model] of file.models.entries()) {
      if (seen.has(model.name)) throw dbtError(context, ['models', index], `model ${model.name} is declared twice`);
      seen.add(model.name);
    }
    return { format: 'dbt', source: source.path, datasets: file.models.map((model, index) => buildDbtDataset(model, ['models', index], context)) };
  },
};
