/** A struct member as BigQuery declares it: `zip STRING NOT NULL OPTIONS(description="…")`. */
export type SqlStructFieldSyntax = {
  name: string;
  type: SqlTypeSyntax;
  notNull: boolean;
  description?: string;
  renamedFrom: string[];
  line: number;
};

/**
 * A data type as written, before it is mapped to the canonical model. `named` types carry their
 * lower-cased name words (`double precision`, `timestamp with time zone`) or, for types the file
 * defines (`CREATE TYPE`, `CREATE DOMAIN`), their qualified name; `args` are the parameters
 * (`varchar(20)` → `["20"]`).
 */
export type SqlTypeSyntax =
  | { form: 'named'; name: string; args: string[]; userDefined: boolean }
  | { form: 'array'; of: SqlTypeSyntax }
  | { form: 'struct'; fields: SqlStructFieldSyntax[] }
  | { form: 'generic'; name: string; of: SqlTypeSyntax[] };
