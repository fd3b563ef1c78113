import { z } from 'zod';

// dbt ignores properties it does not use here (tags, quote, docs, …), so every object is loose.
const text = z.string().nullish();
const names = z.array(z.string());

export const dbtMetaSchema = z.looseObject({
  renamed_from: z.union([z.string(), names]).nullish(),
  deprecated: z.boolean().nullish(),
});

/** A test entry: `not_null`, or `{accepted_values: {values: […]}}` (arguments nested under `arguments` since dbt 1.10). */
export const dbtTestSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);

export const dbtAcceptedValuesSchema = z.looseObject({
  values: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  arguments: z.looseObject({ values: z.array(z.union([z.string(), z.number(), z.boolean()])) }).optional(),
});

export const dbtConstraintSchema = z.looseObject({
  type: z.string(),
  name: text,
  expression: text,
  columns: names.nullish(),
  to: text,
  to_columns: names.nullish(),
});

export const dbtColumnSchema = z.looseObject({
  name: z.string(),
  data_type: text,
  description: text,
  constraints: z.array(dbtConstraintSchema).nullish(),
  data_tests: z.array(dbtTestSchema).nullish(),
  tests: z.array(dbtTestSchema).nullish(),
  meta: dbtMetaSchema.nullish(),
  config: z.looseObject({ meta: dbtMetaSchema.nullish() }).nullish(),
});

/** `{include: all | '*' | [names], exclude: [names]}` in a version's columns; include defaults to all. */
export const dbtIncludeSchema = z.looseObject({
  include: z.union([z.literal('all'), z.literal('*'), names]).optional(),
  exclude: names.nullish(),
});

const versionId = z.union([z.string(), z.number()]);

export const dbtModelConfigSchema = z.looseObject({
  alias: text,
  contract: z.looseObject({ enforced: z.boolean().nullish() }).nullish(),
  meta: dbtMetaSchema.nullish(),
});

export const dbtVersionSchema = z.looseObject({
  v: versionId,
  description: text,
  // Checked entry by entry: each is an include/exclude element or a column.
  columns: z.array(z.record(z.string(), z.unknown())).nullish(),
  constraints: z.array(dbtConstraintSchema).nullish(),
  config: dbtModelConfigSchema.nullish(),
  deprecation_date: text,
});

export const dbtModelSchema = z.looseObject({
  name: z.string(),
  description: text,
  columns: z.array(dbtColumnSchema).nullish(),
  constraints: z.array(dbtConstraintSchema).nullish(),
  config: dbtModelConfigSchema.nullish(),
  versions: z.array(dbtVersionSchema).nullish(),
  latest_version: versionId.nullish(),
  deprecation_date: text,
  meta: dbtMetaSchema.nullish(),
});

/** A dbt properties file: `version: 2` (optional since dbt 1.5) and `models:`; other top-level keys are ignored. */
export const dbtPropertiesSchema = z.looseObject({
  version: z.literal(2).optional(),
  models: z.array(dbtModelSchema),
});

export type DbtColumn = z.infer<typeof dbtColumnSchema>;
export type DbtConstraint = z.infer<typeof dbtConstraintSchema>;
export type DbtModel = z.infer<typeof dbtModelSchema>;
export type DbtVersion = z.infer<typeof dbtVersionSchema>;
