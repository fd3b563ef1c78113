import { describe, expect, it } from 'vitest';
import type { DatasetSchema, Field } from '../../types.js';
import { SchemaError } from '../../schema-error.js';
import { dbtReader } from './read-dbt.js';

function readDbt(text: string): DatasetSchema[] {
  return dbtReader.read({ path: 'models/schema.yml', text }).datasets;
}

function readModel(text: string): DatasetSchema {
  const [only] = readDbt(text);
  if (only === undefined) throw new Error('no model');
  return only;
}

function errorOf(text: string): string {
  try {
    readDbt(text);
    return 'read without error';
  } catch (error) {
    if (error instanceof SchemaError) return `${error.code}: ${error.describe()}`;
    throw error;
  }
}

/** A one-model file whose single column is the given YAML (indented under `columns:`). */
function withColumn(column: string, header = ''): string {
  return `version: 2\nmodels:\n  - name: orders\n${header}    columns:\n${column.replace(/^/gm, '      ')}\n`;
}

const ordersFile = `version: 2
models:
  - name: orders
    description: One row per order
    config:
      contract:
        enforced: true
    columns:
      - name: order_id
        data_type: int64
        constraints:
          - type: primary_key
      - name: status
        data_type: string
        data_tests:
          - not_null
          - accepted_values:
              values: ['shipped', 'placed']
      - name: customer_email
        data_type: string
        description: Where receipts go
        meta:
          renamed_from: email
      - name: shipping
        data_type: struct<street string, zip string>
      - name: shipping.zip
        data_tests: [not_null]
`;

function field(name: string, path: string[], type: Field['type'], extra: Partial<Field> = {}): Field {
  return { name, path, type, nullable: true, hasDefault: false, renamedFrom: [], deprecated: false, ...extra };
}

describe('dbtReader: a model', () => {
  it('reads types through the SQL mapping, tests, constraints, meta, nested struct columns and the contract', () => {
    const expected: DatasetSchema = {
      dataset: { name: 'orders', physicalName: 'orders' },
      format: 'dbt',
      description: 'One row per order',
      constraints: { contractEnforced: true },
      fields: [
        field('order_id', ['order_id'], { kind: 'long', name: 'INT64' }, { nullable: false, constraints: { primaryKey: true } }),
        field('status', ['status'], { kind: 'enum', name: 'STRING', symbols: ['placed', 'shipped'] }, { nullable: false }),
        field('customer_email', ['customer_email'], { kind: 'string', name: 'STRING' }, { renamedFrom: ['email'], description: 'Where receipts go' }),
        field('shipping', ['shipping'], {
          kind: 'record',
          name: 'STRUCT',
          fields: [
            field('street', ['shipping', 'street'], { kind: 'string', name: 'STRING' }),
            field('zip', ['shipping', 'zip'], { kind: 'string', name: 'STRING' }, { nullable: false }),
          ],
        }),
      ],
    };
    expect(readDbt(ordersFile)).toEqual([expected]);
  });

  it.each<[string, string, Partial<Field>]>([
    ['no data_type → unknown', '- name: a', { type: { kind: 'unknown' }, nullable: true }],
    ['postgres data_type with length', '- name: a\n  data_type: varchar(20)', { type: { kind: 'string', name: 'varchar(20)' }, constraints: { maxLength: 20 } }],
    ['integer is int in Postgres', '- name: a\n  data_type: integer', { type: { kind: 'int', name: 'integer' } }],
    ['not_null under the old tests key', '- name: a\n  tests: [not_null]', { nullable: false }],
    ['a not_null constraint', '- name: a\n  constraints:\n    - type: not_null', { nullable: false }],
    ['unique test and constraint', '- name: a\n  data_tests: [unique]', { constraints: { unique: true } }],
    ['check constraint, whitespace normalised', '- name: a\n  data_type: int\n  constraints:\n    - type: check\n      expression: "a>0  AND a<10"', { constraints: { check: 'a > 0 and a < 10' } }],
    ['foreign key with to/to_columns', "- name: a\n  constraints:\n    - type: foreign_key\n      to: ref('customers')\n      to_columns: [id]", { constraints: { references: 'customers(id)' } }],
    ['foreign key with an expression', '- name: a\n  constraints:\n    - type: foreign_key\n      expression: "analytics.customers (id)"', { constraints: { references: 'analytics.customers(id)' } }],
    ['accepted_values with dbt 1.10 arguments, numbers as text', '- name: a\n  data_type: int\n  data_tests:\n    - accepted_values:\n        arguments:\n          values: [2, 1]', { type: { kind: 'enum', name: 'integer', symbols: ['1', '2'] } }],
    ['accepted_values without data_type', "- name: a\n  data_tests:\n    - accepted_values:\n        values: ['x']", { type: { kind: 'enum', symbols: ['x'] } }],
    ['renamed_from as a list, under config.meta', '- name: a\n  config:\n    meta:\n      renamed_from: [b, c.d]', { renamedFrom: ['b', 'c.d'] }],
    ['meta.deprecated', '- name: a\n  meta:\n    deprecated: true', { deprecated: true }],
    ['custom tests and constraints are ignored', "- name: a\n  data_tests:\n    - dbt_utils.not_empty_string\n    - relationships:\n        to: ref('x')\n        field: id\n  constraints:\n    - type: custom\n      expression: 'masking policy p'", { nullable: true }],
  ])('%s', (_name, column, expected) => {
    expect(readModel(withColumn(column)).fields[0]).toMatchObject(expected);
  });

  it('nests dotted columns under a record made for them, or inside an array of structs', () => {
    const schema = readModel(withColumn('- name: address.zip\n  data_type: string\n- name: items\n  data_type: array<struct<sku string>>\n- name: items.sku\n  description: Stock unit'));
    expect(schema.fields.map((entry) => [entry.name, entry.type.kind])).toEqual([['items', 'array'], ['address', 'record']]);
    expect(schema.fields[1]?.type.fields?.[0]).toMatchObject({ name: 'zip', path: ['address', 'zip'], type: { kind: 'string', name: 'STRING' }, nullable: true });
    expect(schema.fields[0]?.type.of?.fields?.[0]).toMatchObject({ path: ['items', 'sku'], description: 'Stock unit' });
  });

  it('puts model-level constraints on the columns they name, composite ones on the dataset', () => {
    const schema = readModel(`models:
  - name: lines
    constraints:
      - type: primary_key
        columns: [order_id, line_no]
      - type: unique
        columns: [sku, order_id]
      - type: check
        columns: [qty]
        expression: qty > 0
      - type: check
        expression: line_no <= qty
    columns:
      - name: order_id
      - name: line_no
      - name: sku
      - name: qty
`);
    expect(schema.fields.map((entry) => [entry.name, entry.nullable, entry.constraints])).toEqual([
      ['order_id', false, { primaryKey: true }],
      ['line_no', false, { primaryKey: true }],
      ['sku', true, undefined],
      ['qty', true, { check: 'qty > 0' }],
    ]);
    expect(schema.constraints).toEqual({ 'unique(order_id, sku)': true, check: 'line_no <= qty' });
  });

  it('takes the version from an unversioned model name and a deprecation date from the model', () => {
    const schema = readModel('models:\n  - name: users_v1\n    deprecation_date: 2026-06-30\n');
    expect([schema.version, schema.deprecated, schema.deprecationDate]).toEqual(['1', true, '2026-06-30']);
  });

  it('reads earlier model names from the model meta.renamed_from', () => {
    expect(readModel('models:\n  - name: customers\n    meta:\n      renamed_from: clients\n').renamedFrom).toEqual(['clients']);
    expect(readModel('models:\n  - name: customers\n    config:\n      meta:\n        renamed_from: [clients, stg_clients]\n').renamedFrom).toEqual(['clients', 'stg_clients']);
  });

  it('returns every model in order and ignores sources, seeds and macros', () => {
    const names = readDbt('version: 2\nsources:\n  - name: raw\nmodels:\n  - name: b\n  - name: a\nseeds:\n  - name: s\n').map((schema) => schema.dataset.name);
    expect(names).toEqual(['b', 'a']);
  });

  it('reads the same model from a reformatted file, reordered values included', () => {
    const reformatted = `models:
- name: orders
  columns:
  - {name: customer_email, data_type: STRING, description: Where receipts go, meta: {renamed_from: [email]}}
  - name: status
    data_type: STRING
    data_tests: [{accepted_values: {values: [placed, shipped]}}, not_null]
  - {name: order_id, data_type: INT64, constraints: [{type: primary_key}]}
  - name: shipping.zip
    tests: [not_null]
  - {name: shipping, data_type: "STRUCT<street STRING, zip STRING>"}
  config: {contract: {enforced: true}}
  description: One row per order
`;
    const sorted = (schema: DatasetSchema | undefined): unknown => schema === undefined ? undefined : { ...schema, fields: [...schema.fields].sort((left, right) => left.name.localeCompare(right.name)) };
    expect(sorted(readDbt(reformatted)[0])).toEqual(sorted(readDbt(ordersFile)[0]));
  });
});

describe('dbtReader: model versions', () => {
  const versioned = `models:
  - name: dim_customers
    description: Customers
    columns:
      - name: customer_id
        data_type: int
        data_tests: [not_null]
      - name: country
        data_type: text
      - name: first_order
        data_type: date
    latest_version: 2
    versions:
      - v: 3
        columns:
          - include: [customer_id]
      - v: 1
      - v: 2
        columns:
          - include: all
            exclude: [country]
          - name: country_code
            data_type: char(2)
          - name: first_order
            data_type: timestamp
        deprecation_date: 2027-01-31
`;

  it('is the latest version: its columns by include/exclude and overrides, its id, all ids, <model>_v<id>', () => {
    const schema = readModel(versioned);
    expect(schema.dataset).toEqual({ name: 'dim_customers', physicalName: 'dim_customers_v2' });
    expect([schema.version, schema.versions, schema.deprecated, schema.deprecationDate]).toEqual(['2', ['1', '2', '3'], true, '2027-01-31']);
    expect(schema.fields.map((entry) => [entry.name, entry.type.name, entry.nullable])).toEqual([
      ['customer_id', 'integer', false],
      ['first_order', 'timestamp', true],
      ['country_code', 'char(2)', true],
    ]);
  });

  it.each<[string, string, string, string[]]>([
    ['the highest v without latest_version (numeric order)', 'versions: [{v: 9}, {v: 10}]', '10', ['customer_id', 'country', 'first_order']],
    ['alphabetical order for non-numeric ids', "versions: [{v: 'b'}, {v: 'a'}]", 'b', ['customer_id', 'country', 'first_order']],
    ['a version without columns has the model columns', 'latest_version: 1\n    versions: [{v: 1}, {v: 2, columns: [{include: []}]}]', '1', ['customer_id', 'country', 'first_order']],
    ['include: [] with own columns', 'versions: [{v: 1, columns: [{include: []}, {name: id, data_type: int}]}]', '1', ['id']],
    ["include: '*' with exclude", "versions: [{v: 1, columns: [{include: '*', exclude: [country, first_order]}]}]", '1', ['customer_id']],
  ])('picks %s', (_name, versions, latest, columns) => {
    const schema = readModel(`models:\n  - name: m\n    columns: [{name: customer_id}, {name: country}, {name: first_order}]\n    ${versions}\n`);
    expect([schema.version, schema.fields.map((entry) => entry.name)]).toEqual([latest, columns]);
  });

  it('lets a config.alias name the physical table', () => {
    expect(readModel('models:\n  - name: m\n    config: {alias: customers}\n    versions: [{v: 1}]\n').dataset.physicalName).toBe('customers');
    expect(readModel('models:\n  - name: m\n    versions: [{v: 1, config: {alias: customers_one}}]\n').dataset.physicalName).toBe('customers_one');
  });
});

describe('dbtReader: input that is not a dbt schema', () => {
  it.each<[string, string]>([
    ['name: ci\non:\n  push: {}\n', 'invalid-schema: models/schema.yml:1: not a dbt schema: no "models:" list (a dbt properties file has "version: 2" and "models:")'],
    ['', 'invalid-schema: models/schema.yml:1: not a dbt schema: no "models:" list (a dbt properties file has "version: 2" and "models:")'],
    ['version: 2\nmodels:\n  orders: {}\n', 'invalid-schema: models/schema.yml:3: not a dbt schema: models: expected a list, got a mapping'],
    ['version: 3\nmodels: []\n', 'invalid-schema: models/schema.yml:1: not a dbt schema: version: expected 2, got the number 3'],
    ['models:\n  - name: orders\n    columns:\n      - data_type: int\n', 'invalid-schema: models/schema.yml:4: not a dbt schema: models[0].columns[0]: "name" is missing'],
    ['models:\n  - name: orders\n    columns:\n      - name: a\n        data_tests:\n          - accepted_values:\n              values: ok\n', 'invalid-schema: models/schema.yml:7: not a dbt schema: models[0].columns[0].data_tests[0].accepted_values.values: expected a list, got the string "ok"'],
    ['models:\n  - name: orders\n    columns:\n      - name: a\n        data_type: "varchar("\n', 'invalid-schema: models/schema.yml:5: column a: cannot read data_type "varchar(": expected a type parameter, found end of file'],
    ['models:\n  - name: orders\n    columns:\n      - name: a\n      - name: a\n', 'invalid-schema: models/schema.yml:5: model orders declares column a twice'],
    ['models:\n  - name: m\n    latest_version: 3\n    versions: [{v: 1}, {v: 2}]\n', 'invalid-schema: models/schema.yml:3: model m: latest_version 3 is not one of its versions (1, 2)'],
    ['models:\n  - name: m\n    columns: [{name: a}]\n    versions:\n      - v: 1\n        columns: [{include: all, exclude: [b]}]\n', 'invalid-schema: models/schema.yml:6: version 1 of model m excludes column b, which the model does not declare'],
    ['models:\n  - name: m\n    columns: [{name: a}]\n    versions:\n      - v: 1\n        columns: [{include: [a], exclude: [a]}]\n', 'invalid-schema: models/schema.yml:6: not a dbt schema: exclude is allowed only with include: all (version 1 of model m)'],
    ['models:\n  - name: m\n    columns: [{name: a}]\n    constraints:\n      - type: primary_key\n        columns: [b]\n', 'invalid-schema: models/schema.yml:5: the primary_key constraint of model m names column b, which the model does not declare'],
    ['models:\n  - name: m\n    columns:\n      - name: a\n        constraints:\n          - type: check\n', 'invalid-schema: models/schema.yml:6: not a dbt schema: a check constraint needs an "expression"'],
  ])('%j', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it.each<[string, string]>([
    ['models:\n  - name: a\n    name: b\n', 'invalid-syntax: models/schema.yml:3: invalid YAML: Map keys must be unique'],
    ['models: [\n', 'invalid-syntax: models/schema.yml:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['models:\n\t- name: a\n', 'invalid-syntax: models/schema.yml:2: invalid YAML: Tabs are not allowed as indentation'],
    ['models:\n  - name: "a\n', 'invalid-syntax: models/schema.yml:2: invalid YAML: Missing closing "quote'],
  ])('refuses YAML syntax errors with the line: %j', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });
});
