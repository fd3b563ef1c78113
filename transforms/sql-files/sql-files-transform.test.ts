import { describe, expect, it } from 'vitest';
import type { Change, ChangeSet } from '../../src/core/schema/index.js';
import { createMemoryCheckout, migrate } from '../../src/core/codemods/index.js';
import { sqlFilesTransform } from './index.js';

const rename: Change = { kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email_address', severity: 'breaking', evidence: 'declared' };
const version: Change = { kind: 'dataset.version-added', path: [], from: '1', to: '2', severity: 'breaking' };
const moved: Change = { kind: 'dataset.renamed', path: [], from: 'analytics.users_v1', to: 'analytics.users_v2', severity: 'breaking' };

async function run(files: Record<string, string>, changes: Change[]): Promise<{ files: Record<string, string>; leftovers: string[] }> {
  const changeSet: ChangeSet = { dataset: { name: 'users', physicalName: 'analytics.users_v1' }, changes };
  const result = await migrate(createMemoryCheckout(files), changeSet, { transforms: [sqlFilesTransform], verify: false });
  const after = { ...files };
  for (const edit of result.edits) after[edit.path] = edit.after;
  return { files: after, leftovers: result.leftovers.map((leftover) => `${leftover.path}:${leftover.line}: ${leftover.reason}`) };
}

describe('sql-files rewrites .sql files and dbt models', () => {
  it.each<[string, string, string, string[]?]>([
    ['a plain query file', 'SELECT user_email, count(*) AS n\nFROM analytics.users_v1\nGROUP BY user_email;\n', 'SELECT email_address AS user_email, count(*) AS n\nFROM analytics.users_v1\nGROUP BY email_address;\n', []],
    [
      'a dbt model reading the dataset through ref()',
      "{{ config(materialized='view') }}\n\nwith src as (\n    select * from {{ ref('users') }}\n),\nrenamed as (\n    select id, user_email as email from src\n)\nselect * from renamed\n",
      "{{ config(materialized='view') }}\n\nwith src as (\n    select * from {{ ref('users') }}\n),\nrenamed as (\n    select id, email_address as email from src\n)\nselect * from renamed\n",
      [],
    ],
    [
      'Jinja control flow and comments are skipped',
      "{# user_email is the login #}\nselect u.user_email, o.user_email as order_email\nfrom {{ ref('users') }} u\njoin {{ ref('orders') }} o on o.user_id = u.id\n{% if is_incremental() %}\nwhere u.user_email > (select max(user_email) from {{ this }})\n{% endif %}\n",
      "{# user_email is the login #}\nselect u.email_address as user_email, o.user_email as order_email\nfrom {{ ref('users') }} u\njoin {{ ref('orders') }} o on o.user_id = u.id\n{% if is_incremental() %}\nwhere u.email_address > (select max(user_email) from {{ this }})\n{% endif %}\n",
      // `{{ this }}` is a relation whose columns we do not know: its bare user_email could be either.
      ["models/m.sql:6: user_email may be a column of a subquery or the dataset's column of the enclosing query: qualify it; if it is the dataset's column, rename it to email_address"],
    ],
  ])('%s', async (_name, text, expected, leftovers = []) => {
    expect(await run({ 'models/m.sql': text }, [rename])).toEqual({ files: { 'models/m.sql': expected }, leftovers });
  });

  it('moves a pinned ref to the new version and leaves other pins', async () => {
    const text = "select id from {{ ref('users', v=1) }} u join {{ ref('users', version=3) }} w using (id) join {{ ref('orders', v=1) }} o on o.uid = u.id\n";
    expect(await run({ 'models/m.sql': text }, [version])).toEqual({
      files: { 'models/m.sql': "select id from {{ ref('users', v=2) }} u join {{ ref('users', version=3) }} w using (id) join {{ ref('orders', v=1) }} o on o.uid = u.id\n" },
      leftovers: [],
    });
  });

  it('renames a ref to a moved model, moves plain table names and lists a source()', async () => {
    const files = { 'models/a.sql': "select id from {{ ref('users_v1') }}\n", 'models/b.sql': "select id from {{ source('analytics', 'users_v1') }}\n", 'queries/c.sql': 'select id from analytics.users_v1;\n' };
    expect(await run(files, [moved])).toEqual({
      files: { 'models/a.sql': "select id from {{ ref('users_v2') }}\n", 'models/b.sql': files['models/b.sql'], 'queries/c.sql': 'select id from analytics.users_v2;\n' },
      leftovers: [expect.stringMatching(/^models\/b\.sql:1: source\(\) reads the table through a dbt sources file/)],
    });
  });

  it('lists a star a dbt model passes on, and a dynamic column list', async () => {
    const text = "select * from {{ ref('users') }} where user_email is not null\n";
    const star = await run({ 'models/m.sql': text, 'models/n.sql': "select {{ dbt_utils.star(ref('users')) }}, user_email from {{ ref('users') }}\n" }, [rename]);
    expect(star.leftovers).toEqual([
      expect.stringMatching(/^models\/m\.sql:1: SELECT \* returns the dataset's columns/),
      expect.stringMatching(/^models\/n\.sql:1: a dynamic SQL fragment here may name user_email/),
    ]);
  });
});
