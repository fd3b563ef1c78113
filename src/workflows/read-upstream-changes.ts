import type { DatasetDeclaration } from '../config/index.js';
import { defaultRolloutPolicy } from '../core/rollout/index.js';
import type { RolloutPolicy } from '../core/rollout/index.js';
import type { ChangeSet } from '../core/schema/index.js';
import { SchemaError, confirmRenames, diffSchemas, getReaderOrThrow, selectDatasetPair } from '../core/schema/index.js';
import type { GitHubClient } from '../adapters/github/index.js';
import { findFileText, listChangedFiles, readRepoConfig } from '../adapters/github/index.js';

/** A declared dataset whose schema file changed between two commits, and what changed in it. */
export type UpstreamChange = { declaration: DatasetDeclaration; changeSet: ChangeSet; fieldNames: string[] };

/** A declared dataset we could not diff, said in one line for the producer. */
export type UpstreamProblem = { dataset: string; file: string; message: string };

export type UpstreamChanges = { configFound: boolean; changes: UpstreamChange[]; problems: UpstreamProblem[]; policy: RolloutPolicy };

const nullSha = /^0{40}$/;

/**
 * Reads the producer's `.github/downstream.yml` at `afterSha` and diffs every declared schema file
 * that changed since `beforeSha`. A schema that appears for the first time has no consumers to
 * migrate yet; one that cannot be read becomes a problem, never a partial change set.
 */
export async function readUpstreamChanges(
  octokit: GitHubClient,
  input: { owner: string; name: string; beforeSha: string; afterSha: string },
): Promise<UpstreamChanges> {
  const repo = { owner: input.owner, repo: input.name };
  const { config, found } = await readRepoConfig(octokit, { ...repo, branch: input.afterSha });
  const policy = config.rollout ?? defaultRolloutPolicy;
  if (config.datasets.length === 0 || nullSha.test(input.beforeSha)) return { configFound: found, changes: [], problems: [], policy };
  const changed = new Set(await listChangedFiles(octokit, { ...repo, base: input.beforeSha, head: input.afterSha }));
  const changes: UpstreamChange[] = [];
  const problems: UpstreamProblem[] = [];
  for (const declaration of config.datasets) {
    if (!changed.has(declaration.schema)) continue;
    const [oldText, newText] = await Promise.all([
      findFileText(octokit, { ...repo, path: declaration.schema, ref: input.beforeSha }),
      findFileText(octokit, { ...repo, path: declaration.schema, ref: input.afterSha }),
    ]);
    if (oldText === undefined) continue;
    if (newText === undefined) {
      problems.push({ dataset: declaration.name, file: declaration.schema, message: `${declaration.schema}: the schema file was deleted; remove the dataset from .github/downstream.yml or restore the file` });
      continue;
    }
    try {
      const reader = getReaderOrThrow(declaration.schema, declaration.format);
      const [oldSchema, newSchema] = selectDatasetPair(
        reader.read({ path: declaration.schema, text: oldText }),
        reader.read({ path: declaration.schema, text: newText }),
        declaration.entity,
      );
      const changeSet = confirmRenames(diffSchemas(oldSchema, newSchema), declaration.confirmRenames);
      const physicalName = declaration.physicalName ?? changeSet.dataset.physicalName;
      changes.push({
        declaration,
        changeSet: { ...changeSet, dataset: { name: declaration.name, ...(physicalName === undefined ? {} : { physicalName }) } },
        fieldNames: oldSchema.fields.map((field) => field.name),
      });
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      problems.push({ dataset: declaration.name, file: declaration.schema, message: error.describe() });
    }
  }
  return { configFound: found, changes, problems, policy };
}
