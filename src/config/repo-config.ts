import { parseDocument } from 'yaml';
import { z } from 'zod';
import { rolloutPolicySchema } from '../core/rollout/index.js';
import { schemaFormats } from '../core/schema/index.js';
import { ConfigError, describeIssues } from './app-config.js';

/** Where downstream reads a repository's settings, producer and consumer alike (DESIGN §4). */
export const repoConfigPath = '.github/downstream.yml';

const datasetDeclaration = z.strictObject({
  /** The catalog name of the dataset (`user-profile`). */
  name: z.string().min(1),
  /** The schema file in this repository. */
  schema: z.string().min(1),
  format: z.enum(schemaFormats).optional(),
  /** Which record, message, table or model of the schema file is the dataset, when it defines several. */
  entity: z.string().min(1).optional(),
  /** The table consumers query (`analytics.users_v1`); defaults to what the schema names. */
  physicalName: z.string().min(1).optional(),
  /** The older dataset this one replaces, for version moves across catalog entities. */
  supersedes: z.string().min(1).optional(),
  /** Suspected renames the producer confirms (`old: new`), so consumers get patched for them. */
  confirmRenames: z.record(z.string(), z.string()).default({}),
});

const stringList = z.union([z.string().min(1).transform((value) => [value]), z.array(z.string().min(1))]);

const repoConfigSchema = z.object({
  // Producer side.
  datasets: z.array(datasetDeclaration).default([]),
  /** How the producer's migrations roll out (waves, gate, halt ratio, window); absent → the defaults. */
  rollout: rolloutPolicySchema.optional(),
  // Consumer side.
  enabled: z.boolean().default(true),
  paths: stringList.optional(),
  verify: z.string().min(1).optional(),
  /** Left unset, the producer's rollout policy decides. */
  automerge: z.boolean().optional(),
  labels: stringList.default([]),
  reviewers: stringList.default([]),
  notices: z.boolean().default(true),
});

export type DatasetDeclaration = z.infer<typeof datasetDeclaration>;
export type RepoConfig = z.infer<typeof repoConfigSchema>;

/** The settings of a repository without a config file. */
export const defaultRepoConfig: RepoConfig = repoConfigSchema.parse({});

/** Validates an already-parsed config object (Probot's `context.config` merges `_extends` before this). */
export function parseRepoConfig(value: unknown, source: string): RepoConfig {
  const withoutExtends = value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== '_extends')) : value;
  const result = repoConfigSchema.safeParse(withoutExtends ?? {}, { reportInput: true });
  if (!result.success) throw new ConfigError(source, describeIssues(result.error.issues));
  return result.data;
}

/** Parses the YAML text of a repository's config file; errors name the file and line. */
export function parseRepoConfigText(text: string, source: string): RepoConfig {
  const document = parseDocument(text);
  const [first] = document.errors;
  if (first !== undefined) {
    const line = first.linePos?.[0]?.line;
    throw new ConfigError(line === undefined ? source : `${source}:${line}`, [first.message.split('\n')[0] ?? 'invalid YAML']);
  }
  return parseRepoConfig(document.toJS(), source);
}
