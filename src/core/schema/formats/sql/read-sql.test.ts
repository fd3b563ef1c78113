import { describe, expect, it } from 'vitest';
import type { DatasetSchema, Field } from '../../types.js';
import { fieldAt, readOneTable, readSqlText, sortFieldsDeep, sqlErrorOf } from './testing/read-sql-text.js';

const bigQueryUsers = `-- Analytics users, one row per account
CREATE TABLE IF NOT EXISTS \`acme-prod.analytics.users_v2\` (
  user_id INT64 NOT NULL OPTIONS(description="Primary key"),
  -- downstream:renamed-from user_email
  email STRING(320),
  address STRUCT<street STRING, zip STRING NOT NULL OPTIONS(description="Postal code")>,
  tags ARRAY<STRING>,
  lifetime_value NUMERIC(12, 2) DEFAULT 0,
  created_at TIMESTAMP NOT NULL
)
PARTITION BY DATE(created_at)
CLUSTER BY user_id
OPTIONS(description="Users of the product", labels=[("team", "growth")]);
`;

const postgresOrders = `CREATE TYPE order_status AS ENUM ('placed', 'shipped');
CREATE TABLE analytics.orders (
  id bigserial PRIMARY KEY,
  "customerRef" varchar(40) NOT NULL,
  status order_status NOT NULL DEFAULT 'placed',
  amount numeric(10,2) CHECK (amount >= 0),
  customer_id integer REFERENCES analytics.customers (id),
  placed_at timestamp with time zone DEFAULT now()
);
COMMENT ON COLUMN analytics.orders.amount IS 'Order total in EUR';
`;

function base(name: string, path: string[], type: Field['type'], extra: Partial<Field> = {}): Field {
  return { name, path, type, nullable: true, hasDefault: false, renamedFrom: [], deprecated: false, ...extra };
}

describe('sqlReader: whole tables', () => {
  it('reads a BigQuery table: backtick name, OPTIONS descriptions, STRUCT members, ARRAY, NUMERIC(p,s), hints', () => {
    const expected: DatasetSchema = {
      dataset: { name: 'users_v2', physicalName: 'acme-prod.analytics.users_v2' },
      format: 'sql',
      version: '2',
      description: 'Users of the product',
      fields: [
        base('user_id', ['user_id'], { kind: 'long', name: 'INT64' }, { nullable: false, description: 'Primary key' }),
        base('email', ['email'], { kind: 'string', name: 'STRING(320)' }, { renamedFrom: ['user_email'], constraints: { maxLength: 320 } }),
        base('address', ['address'], {
          kind: 'record',
          name: 'STRUCT',
          fields: [
            base('street', ['address', 'street'], { kind: 'string', name: 'STRING' }),
            base('zip', ['address', 'zip'], { kind: 'string', name: 'STRING' }, { nullable: false, description: 'Postal code' }),
          ],
        }),
        base('tags', ['tags'], { kind: 'array', name: 'ARRAY<STRING>', of: { kind: 'string', name: 'STRING' } }, { nullable: false }),
        base('lifetime_value', ['lifetime_value'], { kind: 'decimal', name: 'NUMERIC(12,2)' }, { hasDefault: true, constraints: { precision: 12, scale: 2 } }),
        base('created_at', ['created_at'], { kind: 'timestamp', name: 'TIMESTAMP' }, { nullable: false }),
      ],
    };
    expect(readSqlText(bigQueryUsers)).toEqual([expected]);
  });

  it('reads a Postgres table: enum type, serial key, quoted name, check, reference, COMMENT ON', () => {
    const expected: DatasetSchema = {
      dataset: { name: 'orders', physicalName: 'analytics.orders' },
      format: 'sql',
      fields: [
        base('id', ['id'], { kind: 'long', name: 'bigserial' }, { nullable: false, hasDefault: true, constraints: { primaryKey: true } }),
        base('customerRef', ['customerRef'], { kind: 'string', name: 'varchar(40)' }, { nullable: false, constraints: { maxLength: 40 } }),
        base('status', ['status'], { kind: 'enum', name: 'order_status', symbols: ['placed', 'shipped'] }, { nullable: false, hasDefault: true }),
        base('amount', ['amount'], { kind: 'decimal', name: 'numeric(10,2)' }, { constraints: { precision: 10, scale: 2, check: 'amount >= 0' }, description: 'Order total in EUR' }),
        base('customer_id', ['customer_id'], { kind: 'int', name: 'integer' }, { constraints: { references: 'analytics.customers(id)' } }),
        base('placed_at', ['placed_at'], { kind: 'timestamp', name: 'timestamptz' }, { hasDefault: true }),
      ],
    };
    expect(readSqlText(postgresOrders)).toEqual([expected]);
  });

  it('returns every table the file defines, in order', () => {
    const names = readSqlText('CREATE TABLE b (x int); CREATE TABLE a (y int); CREATE TABLE s.c (z int)').map((schema) => schema.dataset.physicalName);
    expect(names).toEqual(['b', 'a', 's.c']);
  });

  it('reads no table from a file without CREATE TABLE', () => {
    expect(readSqlText('-- nothing here\nCREATE INDEX i ON t (a);')).toEqual([]);
  });
});

describe('sqlReader: column rules (Postgres)', () => {
  it.each<[string, Partial<Field>]>([
    ['a text', { nullable: true, hasDefault: false }],
    ['a text NULL', { nullable: true }],
    ['a text NOT NULL', { nullable: false }],
    ["a text NOT NULL DEFAULT 'x'", { nullable: false, hasDefault: true }],
    ['a text DEFAULT NULL NOT NULL', { nullable: false, hasDefault: true }],
    ['a int DEFAULT CASE WHEN true THEN NULL ELSE 1 END NOT NULL', { nullable: false, hasDefault: true }],
    ['a serial', { nullable: false, hasDefault: true, type: { kind: 'int', name: 'serial' } }],
    ['a int GENERATED ALWAYS AS IDENTITY', { nullable: false, hasDefault: true }],
    ['a bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 1)', { nullable: false, hasDefault: true }],
    ['a numeric GENERATED ALWAYS AS (price * 2) STORED', { nullable: true, hasDefault: true }],
    ['a int PRIMARY KEY', { nullable: false, constraints: { primaryKey: true } }],
    ['a int CONSTRAINT a_positive CHECK(a>0)', { constraints: { check: 'a > 0' } }],
    ['a int CHECK (a > 0) CHECK (a < 10)', { constraints: { check: '(a < 10) AND (a > 0)' } }],
    ['a int UNIQUE NULLS NOT DISTINCT', { constraints: { unique: true } }],
    ['a int REFERENCES orgs (id) ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED', { constraints: { references: 'orgs(id)' } }],
    ['a int REFERENCES orgs', { constraints: { references: 'orgs' } }],
    ['a text COLLATE "C" NOT NULL', { nullable: false }],
    ['a varchar(10)[] NOT NULL', { nullable: false, constraints: { maxLength: 10 }, type: { kind: 'array', name: 'varchar(10)[]', of: { kind: 'string', name: 'varchar(10)' } } }],
  ])('%s', (column, expected) => {
    expect(readOneTable(`CREATE TABLE t (${column}, price int);`).fields[0]).toMatchObject(expected);
  });

  it('folds unquoted names to lower case and keeps quoted ones', () => {
    const schema = readOneTable('CREATE TABLE Analytics.Users ("UserId" int, EMAIL text);');
    expect(schema.dataset).toEqual({ name: 'users', physicalName: 'analytics.users' });
    expect(schema.fields.map((field) => field.name)).toEqual(['UserId', 'email']);
  });

  it('puts table constraints on the columns they name, composite ones on the dataset', () => {
    const schema = readOneTable(`CREATE TABLE t (
      a int, b int, c int, d int,
      PRIMARY KEY (a, b),
      UNIQUE (d, c),
      CONSTRAINT c_positive CHECK (c > 0),
      CHECK (a < b),
      FOREIGN KEY (d) REFERENCES other (id),
      FOREIGN KEY (a, b) REFERENCES pairs (x, y)
    );`);
    expect(schema.fields.map((field) => [field.name, field.nullable, field.constraints])).toEqual([
      ['a', false, { primaryKey: true }],
      ['b', false, { primaryKey: true }],
      ['c', true, { check: 'c > 0' }],
      ['d', true, { references: 'other(id)' }],
    ]);
    expect(schema.constraints).toEqual({ 'unique(c, d)': true, check: 'a < b', 'references(a, b)': 'pairs(x, y)' });
  });

  it('reads a domain as its base type, with its NOT NULL and check', () => {
    const schema = readOneTable('CREATE DOMAIN email AS varchar(320) NOT NULL CHECK (VALUE LIKE \'%@%\'); CREATE TABLE t (e email);');
    expect(schema.fields[0]).toMatchObject({ type: { kind: 'string', name: 'email' }, nullable: false, constraints: { maxLength: 320, check: "value like '%@%'" } });
  });

  it('reads the version from the physical name', () => {
    expect(readOneTable('CREATE TABLE analytics.users_v3 (id int);').version).toBe('3');
    expect(readOneTable('CREATE TABLE analytics.users (id int);').version).toBeUndefined();
  });
});

describe('sqlReader: BigQuery specifics', () => {
  it('reads an unquoted dashed project id and # comments', () => {
    const schema = readOneTable('# users\nCREATE TABLE acme-prod.crm.users (id INT64) # trailing\n;');
    expect(schema.dataset).toEqual({ name: 'users', physicalName: 'acme-prod.crm.users' });
  });

  it('reads table-level keys that BigQuery does not enforce, and DEFAULT COLLATE', () => {
    const schema = readOneTable(`CREATE TABLE \`p.d.orders\` (
      order_id INT64, customer_id INT64,
      PRIMARY KEY (order_id) NOT ENFORCED,
      CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES \`p.d.customers\`(customer_id) NOT ENFORCED
    ) DEFAULT COLLATE 'und:ci';`);
    expect(schema.fields.map((entry) => [entry.name, entry.nullable, entry.constraints])).toEqual([
      ['order_id', false, { primaryKey: true }],
      ['customer_id', true, { references: 'p.d.customers(customer_id)' }],
    ]);
  });

  it('keeps the case of unquoted names', () => {
    expect(readOneTable('CREATE TABLE `p.d.t` (UserId INT64);').fields[0]?.name).toBe('UserId');
  });

  it('reads nested STRUCTs inside ARRAYs with paths from the column, and hints on struct members', () => {
    const schema = readOneTable(`CREATE TABLE \`p.d.orders\` (
      items ARRAY<STRUCT<
        -- downstream:renamed-from product_sku
        sku STRING NOT NULL,
        price STRUCT<amount NUMERIC, currency STRING>
      >>
    );`);
    expect(fieldAt(schema, 'items.sku')).toMatchObject({ path: ['items', 'sku'], renamedFrom: ['product_sku'], nullable: false });
    expect(fieldAt(schema, 'items.price.currency').path).toEqual(['items', 'price', 'currency']);
  });

  it('accepts CREATE OR REPLACE, temp and external tables, table OPTIONS, PARTITION BY and CLUSTER BY', () => {
    const tables = readSqlText(`
      CREATE OR REPLACE TEMP TABLE t1 (a INT64) PARTITION BY RANGE_BUCKET(a, GENERATE_ARRAY(0, 100, 10)) CLUSTER BY a, b OPTIONS(expiration_timestamp=TIMESTAMP "2030-01-01 00:00:00 UTC");
      CREATE EXTERNAL TABLE t2 (b STRING) WITH PARTITION COLUMNS OPTIONS(format = 'PARQUET', uris = ['gs://bucket/*']);
      CREATE OR REPLACE TABLE t1 (c INT64);
    `);
    expect(tables.map((table) => [table.dataset.name, table.fields.map((field) => field.name)])).toEqual([['t1', ['c']], ['t2', ['b']]]);
  });
});

describe('sqlReader: reformatting changes nothing', () => {
  it.each<[string, string, string]>([
    [
      'postgres spacing, case, comments and constraint placement',
      `CREATE TABLE analytics.orders (id bigint PRIMARY KEY, amount numeric(10,2) CHECK (amount>=0), email varchar(20) UNIQUE, ref int REFERENCES other(id));`,
      `-- reordered and reformatted
       create table ANALYTICS.Orders (
         REF integer,
         Email character varying ( 20 ),
         AMOUNT decimal(10, 2),
         ID int8,
         constraint pk primary key (id),
         check ( amount >= 0 ),
         unique (email),
         foreign key (ref) references other ( id )
       ) ;`,
    ],
    [
      'bigquery spacing and option quoting',
      'CREATE TABLE `p.d.t` (a INT64 NOT NULL OPTIONS(description="x"), b STRUCT<c STRING, d ARRAY<INT64>>)',
      "CREATE TABLE p.d.t (\n  b STRUCT<\n    d ARRAY<INTEGER>,\n    c STRING\n  >,\n  a INT64 NOT NULL OPTIONS (description = 'x')\n);",
    ],
  ])('%s', (_name, left, right) => {
    const [one, ...moreLeft] = readSqlText(left).map(sortFieldsDeep);
    const [other, ...moreRight] = readSqlText(right).map(sortFieldsDeep);
    expect(one).toBeDefined();
    expect([moreLeft, moreRight]).toEqual([[], []]);
    expect(other).toEqual(one);
  });
});

describe('sqlReader: tables built from other tables', () => {
  it('copies columns for LIKE and INHERITS (inherited first), and refuses a copy of an unknown table', () => {
    const [, child, copy] = readSqlText(`CREATE TABLE base (id bigint NOT NULL, note text CHECK (length(note) < 100));
      CREATE TABLE child (extra int) INHERITS (base);
      CREATE TABLE copy (LIKE base INCLUDING ALL, more text);`);
    expect(child?.fields.map((entry) => [entry.name, entry.nullable])).toEqual([['id', false], ['note', true], ['extra', true]]);
    expect(copy?.fields.map((entry) => entry.name)).toEqual(['id', 'note', 'more']);
    expect(child?.fields[1]?.constraints).toEqual({ check: 'length(note) < 100' });
    expect(sqlErrorOf('CREATE TABLE copy (LIKE nowhere);')).toBe('invalid-schema: schema.sql:1: CREATE TABLE copies the columns of nowhere, which this file does not define');
    expect(sqlErrorOf('CREATE TABLE s AS SELECT 1 AS a;\nCREATE TABLE c (LIKE s);')).toBe('invalid-schema: schema.sql:2: CREATE TABLE copies the columns of s, whose columns this file does not list');
  });
});
