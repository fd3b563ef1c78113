import type { SqlHole } from '../../src/core/sql/index.js';
import { findDatasetName, splitTableName } from '../../src/core/sql/index.js';
import type { DbtRelation, JinjaTag } from './find-jinja.js';
import { findDbtRelations, findJinjaTags } from './find-jinja.js';

/** The Jinja of a SQL file as holes for the SQL module, and the dataset relations it names. */
export type SqlFileJinja = { holes: SqlHole[]; relations: { tag: JinjaTag; relation: DbtRelation; dataset: boolean }[] };

/**
 * Statements and comments are skipped like SQL comments; an expression is a value, except a
 * `ref()` / `source()` of the dataset, which stands for its table. `models` are the names dbt
 * knows the dataset's model by; `tables` its physical names.
 */
export function planSqlFileHoles(text: string, isModel: (name: string) => boolean, tables: readonly string[]): SqlFileJinja {
  const names = tables.map(splitTableName);
  const result: SqlFileJinja = { holes: [], relations: [] };
  for (const tag of findJinjaTags(text)) {
    if (tag.kind !== 'expression') {
      result.holes.push({ start: tag.start, end: tag.end, kind: 'trivia' });
      continue;
    }
    const relations = findDbtRelations(tag);
    let dataset = false;
    for (const relation of relations) {
      const denotes = relation.kind === 'ref' ? isModel(relation.name) : findDatasetName(relation.name.split('.'), names) !== undefined || isModel(relation.nameText);
      result.relations.push({ tag, relation, dataset: denotes });
      dataset ||= denotes;
    }
    // A tag that is a single ref()/source() of the dataset is its table; anything else is opaque.
    const single = relations.length === 1 && /^\s*-?\s*(ref|source)\s*\(/.test(tag.body);
    result.holes.push({ start: tag.start, end: tag.end, kind: dataset && single ? 'dataset' : 'expression' });
  }
  return result;
}
