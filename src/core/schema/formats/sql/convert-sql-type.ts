import type { Field, FieldConstraints, FieldType } from '../../types.js';
import type { SqlDialect } from './sql-token.js';
import type { SqlStructFieldSyntax, SqlTypeSyntax } from './sql-type-syntax.js';
import { findSqlTypeName, spellTypeName } from './sql-type-names.js';

export type SqlEnumType = { name: string; symbols: string[] };
export type SqlDomainType = { name: string; base: SqlTypeSyntax; notNull: boolean; check?: string };

/** Types a DDL file defines itself (`CREATE TYPE … AS ENUM`, `CREATE DOMAIN`), looked up by name. */
export type SqlUserTypes = {
  findEnum(name: string): SqlEnumType | undefined;
  findDomain(name: string): SqlDomainType | undefined;
};

export type SqlTypeContext = { dialect: SqlDialect; path: string[]; userTypes?: SqlUserTypes };

/**
 * A data type in the canonical model, the constraints the type itself states, and whether it
 * implies NOT NULL (`serial`, a NOT NULL domain) and a default (`serial`).
 */
export type ConvertedSqlType = { type: FieldType; constraints: FieldConstraints; notNull: boolean; serial: boolean };

function plain(type: FieldType, constraints: FieldConstraints = {}): ConvertedSqlType {
  return { type, constraints, notNull: false, serial: false };
}

function numberArg(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

function convertNamed(syntax: Extract<SqlTypeSyntax, { form: 'named' }>, context: SqlTypeContext): ConvertedSqlType {
  const { dialect } = context;
  const enumType = context.userTypes?.findEnum(syntax.name);
  if (enumType !== undefined) return plain({ kind: 'enum', name: enumType.name, symbols: [...enumType.symbols] });
  const domain = context.userTypes?.findDomain(syntax.name);
  if (domain !== undefined) {
    const base = convertSqlType(domain.base, context);
    const constraints = domain.check === undefined ? base.constraints : { ...base.constraints, check: domain.check };
    return { type: { ...base.type, name: domain.name }, constraints, notNull: base.notNull || domain.notNull, serial: false };
  }
  const known = syntax.userDefined ? undefined : findSqlTypeName(syntax.name, syntax.args, dialect);
  // `float(p)` only chooses between real and double precision; the parameter is not part of the type.
  const args = syntax.name === 'float' ? [] : syntax.args;
  const spelled = known?.canonical ?? (syntax.userDefined ? syntax.name : spellTypeName(syntax.name, dialect));
  const name = args.length === 0 ? spelled : `${spelled}(${args.join(',')})`;
  if (known === undefined) return plain({ kind: 'unknown', name });
  const constraints: FieldConstraints = {};
  if (known.params === 'length') {
    const length = numberArg(args[0]) ?? known.defaultLength;
    if (length !== undefined) constraints.maxLength = length;
  }
  if (known.params === 'decimal') {
    const precision = numberArg(args[0]);
    if (precision !== undefined) {
      constraints.precision = precision;
      constraints.scale = numberArg(args[1]) ?? 0;
    }
  }
  return { type: { kind: known.kind, name }, constraints, notNull: known.serial === true, serial: known.serial === true };
}

function structField(field: SqlStructFieldSyntax, context: SqlTypeContext): Field {
  const path = [...context.path, field.name];
  const converted = convertSqlType(field.type, { ...context, path });
  const result: Field = {
    name: field.name,
    path,
    type: converted.type,
    nullable: !(field.notNull || converted.notNull) && !readsNullAsEmpty(converted.type, context.dialect),
    hasDefault: false,
    renamedFrom: [...field.renamedFrom],
    deprecated: false,
  };
  if (Object.keys(converted.constraints).length > 0) result.constraints = converted.constraints;
  if (field.description !== undefined) result.description = field.description;
  return result;
}

/** BigQuery reads a NULL array as an empty one, so an ARRAY column is never null when read. */
export function readsNullAsEmpty(type: FieldType, dialect: SqlDialect): boolean {
  return dialect === 'bigquery' && type.kind === 'array';
}

/** Maps a parsed data type to the canonical model; struct members get paths under `context.path`. */
export function convertSqlType(syntax: SqlTypeSyntax, context: SqlTypeContext): ConvertedSqlType {
  const { dialect } = context;
  switch (syntax.form) {
    case 'named':
      return convertNamed(syntax, context);
    case 'array': {
      const element = convertSqlType(syntax.of, context);
      const elementName = element.type.name ?? element.type.kind;
      const name = dialect === 'bigquery' ? `ARRAY<${elementName}>` : `${elementName}[]`;
      // Element constraints (`varchar(20)[]`) bound every value of the column.
      return plain({ kind: 'array', name, of: element.type }, element.constraints);
    }
    case 'struct':
      return plain({ kind: 'record', name: spellTypeName('struct', dialect), fields: syntax.fields.map((field) => structField(field, context)) });
    case 'generic': {
      const members = syntax.of.map((member) => convertSqlType(member, context).type.name ?? 'unknown');
      return plain({ kind: 'unknown', name: `${spellTypeName(syntax.name, dialect)}<${members.join(', ')}>` });
    }
  }
}
