import type { SqlDialect } from './sql-token.js';
import type { SqlConstraintDef } from './sql-ast.js';
import type { SqlConstraintState } from './sql-catalog.js';
import { isColumnToken } from './sql-catalog.js';

/**
 * The name Postgres gives a constraint declared without one (`users_pkey`, `users_email_key`,
 * `users_org_id_fkey`, `users_price_check`), so a later `DROP CONSTRAINT` can find it.
 */
export function nameSqlConstraint(constraint: SqlConstraintDef, table: string, columnNames: readonly string[], dialect: SqlDialect): SqlConstraintState {
  if (constraint.name !== undefined) return { ...constraint, name: constraint.name };
  const columns = constraint.columns.length > 0
    ? constraint.columns
    : columnNames.filter((name) => (constraint.check ?? []).some((token) => isColumnToken(token, name, dialect))).slice(0, 1);
  const middle = columns.length === 0 ? '' : `_${columns.join('_')}`;
  switch (constraint.kind) {
    case 'primaryKey':
      return { ...constraint, name: `${table}_pkey` };
    case 'unique':
      return { ...constraint, name: `${table}${middle}_key` };
    case 'foreignKey':
      return { ...constraint, name: `${table}${middle}_fkey` };
    case 'check':
      return { ...constraint, name: `${table}${middle}_check` };
  }
}
