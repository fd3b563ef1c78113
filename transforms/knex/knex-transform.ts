import type { Transform, TransformResult } from '../../src/core/codemods/index.js';
import { toProjectPath } from '../../src/core/codemods/index.js';
import { findSqlChange, planSqlChanges, planSqlTables, splitTableName } from '../../src/core/sql/index.js';
import { findFollowedRowTypes, findTypeArgumentNames } from '../sql-strings/index.js';
import { findKnexChains } from './find-knex-chains.js';
import type { KnexChain } from './find-knex-chains.js';
import { planKnexChain } from './plan-knex-chain.js';

const id = 'knex';

/** The row types a chain's calls name as type arguments (`knex<UserRow>('users')`, `.first<UserRow>()`). */
function typeNamesOf(chain: KnexChain): Set<string> {
  const names = new Set<string>();
  for (const { call } of chain.calls) for (const name of findTypeArgumentNames(call) ?? []) names.add(name);
  return names;
}

/**
 * knex query builders whose table is the dataset (`knex('users as u')`, `.from/.table/.into`, joins):
 * column names in select/where/orderBy/insert/update/returning (strings, arrays, object keys),
 * raw fragments resolved by the SQL module, and the table itself when it moves. A selected column
 * keeps its output name with `as`, unless the chain's row type was renamed along.
 */
export const knexTransform: Transform = {
  id,
  handles: (change) => findSqlChange(change) !== undefined,
  apply(context) {
    const result: TransformResult = { edits: [], leftovers: [] };
    const { sqlChanges, sources } = planSqlChanges(context.changes);
    if (sqlChanges.length === 0) return result;
    const tables = planSqlTables(context.changeSet, context.datasetNames);
    const changes = sqlChanges.flatMap((sql, index) => {
      const source = sources[index];
      return source === undefined ? [] : [{ sql, source }];
    });
    const followed = new Set(sources.flatMap((change) => [...findFollowedRowTypes(context, change)]));
    const rowTypeNames = new Set(context.rowTypes.map((rowType) => rowType.name));
    const movedChange = sqlChanges.find((change) => change.kind === 'table-moved');
    const movedTo = movedChange?.kind === 'table-moved' ? splitTableName(movedChange.to) : undefined;
    for (const file of context.files) {
      const sourceFile = context.project.getSourceFile(toProjectPath(file.path))?.compilerNode;
      if (sourceFile === undefined) continue;
      for (const chain of findKnexChains(sourceFile, tables)) {
        const dataset = chain.tables.find((table) => table.matched !== undefined);
        if (dataset === undefined) continue;
        const typeNames = typeNamesOf(chain);
        planKnexChain({
          chain,
          sourceFile,
          path: file.path,
          changes,
          dataset,
          joined: chain.tables.length > 1,
          followRows: [...typeNames].some((name) => followed.has(name)),
          typedRows: [...typeNames].some((name) => rowTypeNames.has(name)),
          movedTo,
          edits: result.edits,
          leftovers: result.leftovers,
          lineAt: (offset) => context.lineAt(file.path, offset),
          transform: id,
        });
      }
    }
    return result;
  },
};
