import { z } from 'zod';

// Backstage's own rules for names and namespaces: an entity it would refuse, we refuse too.
const entityName = z
  .string('must be a string')
  .max(63, 'must be at most 63 characters')
  .regex(/^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/, 'must be letters, digits and - _ . between letters or digits');
const namespaceName = z
  .string('must be a string')
  .max(63, 'must be at most 63 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and -');
const text = z.string('must be a string').min(1, 'must not be empty');
const refList = z.array(text, 'must be a list of entity refs');

/** The envelope every catalog entity has: kind, name, annotations (all string-valued, as Backstage requires). */
export const catalogEntitySchema = z.looseObject({
  apiVersion: text,
  kind: text,
  metadata: z.looseObject({
    name: entityName,
    namespace: namespaceName.optional(),
    title: z.string('must be a string').optional(),
    annotations: z.record(z.string(), z.string('must be a string (quote values such as "true")')).optional(),
  }),
  spec: z.record(z.string(), z.unknown(), 'must be a mapping').optional(),
});

/** A validated catalog entity of any kind. */
export type CatalogEntity = z.infer<typeof catalogEntitySchema>;

/** What a Component needs for us to map it and to follow its relations (Backstage's required fields). */
export const componentSpecSchema = z.looseObject({
  type: text,
  lifecycle: text,
  owner: text,
  dependsOn: refList.optional(),
  consumesApis: refList.optional(),
  providesApis: refList.optional(),
  dependencyOf: refList.optional(),
});

/** A Resource's spec; `dependencyOf` on a dataset also makes its targets consumers. */
export const resourceSpecSchema = z.looseObject({
  type: text,
  owner: text,
  dependsOn: refList.optional(),
  dependencyOf: refList.optional(),
});

/** An API's spec, as Backstage requires it. */
export const apiSpecSchema = z.looseObject({
  type: text,
  lifecycle: text,
  owner: text,
  definition: text,
});

/** The fields of a dataset entity we read (Backstage queries ask for exactly these). */
export const datasetSpecSchema = z.looseObject({ type: text, owner: text });

/** The fields of a consumer component we read (Backstage queries ask for exactly these). */
export const consumerSpecSchema = z.looseObject({ owner: text, lifecycle: text });

const specSchemas: Record<string, z.ZodType> = {
  component: componentSpecSchema,
  resource: resourceSpecSchema,
  api: apiSpecSchema,
};

/** The schema of `spec` for a kind whose spec we read (Component, Resource, API); undefined for others. */
export function findSpecSchema(kind: string): z.ZodType | undefined {
  return specSchemas[kind.toLowerCase()];
}

/** `spec.owner: must not be empty`, the way a person editing the YAML reads it. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join('.');
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  const message = missing ? 'is required' : issue.message;
  return where === '' ? message : `${where} ${message}`;
}
