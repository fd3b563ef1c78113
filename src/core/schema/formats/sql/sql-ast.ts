import type { SqlToken } from './sql-token.js';
import type { SqlName } from './parse-sql-name.js';
import type { SqlTypeSyntax } from './sql-type-syntax.js';

/** A key or check a table states, whether written on a column or as a table element. */
export type SqlConstraintDef = {
  kind: 'primaryKey' | 'unique' | 'check' | 'foreignKey';
  name?: string;
  columns: string[];
  check?: SqlToken[];
  references?: { table: string; columns: string[] };
  line: number;
};

export type SqlColumnDef = {
  name: string;
  type: SqlTypeSyntax;
  notNull: boolean;
  /** DEFAULT, GENERATED … AS (expr), or an identity: the database fills it in. */
  hasDefault: boolean;
  description?: string;
  renamedFrom: string[];
  constraints: SqlConstraintDef[];
  line: number;
};

export type SqlCreateTable = {
  kind: 'create-table';
  name: SqlName;
  columns: SqlColumnDef[];
  constraints: SqlConstraintDef[];
  /** `LIKE src` elements and BigQuery `LIKE`/`COPY`/`CLONE`: columns copied from a table defined earlier. */
  copies: SqlName[];
  inherits: SqlName[];
  description?: string;
  renamedFrom: string[];
  replace: boolean;
  ifNotExists: boolean;
  line: number;
};

export type SqlColumnChange =
  | { kind: 'type'; type: SqlTypeSyntax }
  | { kind: 'not-null'; notNull: boolean }
  | { kind: 'default'; hasDefault: boolean }
  | { kind: 'description'; description: string | undefined };

export type SqlAlterAction =
  | { kind: 'add-column'; column: SqlColumnDef; ifNotExists: boolean }
  | { kind: 'drop-column'; name: string; ifExists: boolean; line: number }
  | { kind: 'rename-column'; from: string; to: string; line: number }
  | { kind: 'rename-table'; to: SqlName }
  | { kind: 'set-schema'; schema: string }
  | { kind: 'alter-column'; name: string; change: SqlColumnChange; line: number }
  | { kind: 'add-constraint'; constraint: SqlConstraintDef }
  | { kind: 'drop-constraint'; name: string; ifExists: boolean; line: number }
  | { kind: 'drop-primary-key'; ifExists: boolean; line: number }
  | { kind: 'rename-constraint'; from: string; to: string }
  | { kind: 'set-description'; description: string | undefined };

export type SqlStatement =
  | SqlCreateTable
  | { kind: 'create-enum'; name: SqlName; symbols: string[] }
  | { kind: 'alter-enum'; name: SqlName; change: { kind: 'add'; value: string; before?: string; after?: string; ifNotExists: boolean } | { kind: 'rename'; from: string; to: string }; line: number }
  | { kind: 'create-domain'; name: SqlName; base: SqlTypeSyntax; notNull: boolean; checks: SqlToken[][] }
  | { kind: 'alter-table'; name: SqlName; ifExists: boolean; actions: SqlAlterAction[] }
  | { kind: 'comment'; target: 'table' | 'column'; name: SqlName; text: string | undefined }
  | { kind: 'drop-table'; names: SqlName[]; ifExists: boolean }
  /** A relation whose columns the DDL does not list (`AS SELECT`, `PARTITION OF`, views, sequences): known, but not a dataset. */
  | { kind: 'opaque-table'; name: SqlName };
