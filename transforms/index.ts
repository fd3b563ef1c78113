import type { Transform } from '../src/core/codemods/index.js';
import { datasetReferencesTransform } from './dataset-references/index.js';
import { drizzleTransform } from './drizzle/index.js';
import { enumValuesTransform } from './enum-values/index.js';
import { knexTransform } from './knex/index.js';
import { kyselyTransform } from './kysely/index.js';
import { rowTypesTransform } from './row-types/index.js';
import { sqlFilesTransform } from './sql-files/index.js';
import { sqlStringsTransform } from './sql-strings/index.js';
import { typeChangesTransform } from './type-changes/index.js';
import { typeormTransform } from './typeorm/index.js';

/**
 * The built-in transforms, in the order they run: those that rename TypeScript symbols first, so
 * transforms that rewrite text (SQL) can see through `priorEdits` which row types followed a change.
 */
export const builtinTransforms: readonly Transform[] = [rowTypesTransform, typeChangesTransform, enumValuesTransform, kyselyTransform, drizzleTransform, typeormTransform, datasetReferencesTransform, sqlStringsTransform, knexTransform, sqlFilesTransform];
