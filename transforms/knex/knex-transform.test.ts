import { describe, expect, it } from 'vitest';
import type { Change, ChangeSet } from '../../src/core/schema/index.js';
import { createMemoryCheckout, migrate } from '../../src/core/codemods/index.js';
import { knexTransform } from './index.js';

const rename: Change = { kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email_address', severity: 'breaking', evidence: 'declared' };
const removal: Change = { kind: 'field.removed', path: ['user_email'], severity: 'breaking' };
const moved: Change = { kind: 'dataset.renamed', path: [], from: 'analytics.users_v1', to: 'analytics.users_v2', severity: 'breaking' };

async function run(code: string, changes: Change[] = [rename]): Promise<{ code: string; leftovers: string[] }> {
  const changeSet: ChangeSet = { dataset: { name: 'user-profile', physicalName: 'analytics.users_v1' }, changes };
  const result = await migrate(createMemoryCheckout({ 'src/q.ts': code }), changeSet, { transforms: [knexTransform], verify: false });
  return { code: result.edits.find((edit) => edit.path === 'src/q.ts')?.after ?? code, leftovers: result.leftovers.map((leftover) => `${leftover.line}: ${leftover.reason}`) };
}

describe('knex rewrites builder chains on the dataset', () => {
  it.each([
    ['select keeps the output name', `knex('users_v1').select('id', 'user_email').where('id', id);`, `knex('users_v1').select('id', 'email_address as user_email').where('id', id);`],
    ['an aliased select and a qualified name', `knex('users_v1 as u').select('u.user_email as email');`, `knex('users_v1 as u').select('u.email_address as email');`],
    ['select by array and by object', `db('users_v1').select(['user_email']).first({ e: 'user_email' });`, `db('users_v1').select(['email_address as user_email']).first({ e: 'email_address' });`],
    ['where forms', `knex('users_v1').where('user_email', e).orWhere({ user_email: e }).whereIn('user_email', list).whereNotNull('user_email').select('id');`, `knex('users_v1').where('email_address', e).orWhere({ email_address: e }).whereIn('email_address', list).whereNotNull('email_address').select('id');`],
    ['a shorthand key', `knex('users_v1').where({ user_email }).select('id');`, `knex('users_v1').where({ email_address: user_email }).select('id');`],
    ['orderBy and groupBy', `knex.from('users_v1').select('id').orderBy('user_email', 'desc').groupBy(['user_email']);`, `knex.from('users_v1').select('id').orderBy('email_address', 'desc').groupBy(['email_address']);`],
    ['insert, update and returning', `knex('users_v1').insert({ id, user_email: e }, ['user_email']); knex('users_v1').where({ id }).update({ 'user_email': e }).returning('user_email');`, `knex('users_v1').insert({ id, email_address: e }, ['email_address as user_email']); knex('users_v1').where({ id }).update({ 'email_address': e }).returning('email_address as user_email');`],
    ['insert into', `knex.insert({ user_email: e }).into('analytics.users_v1');`, `knex.insert({ email_address: e }).into('analytics.users_v1');`],
    ['a where callback on the same table', `knex('users_v1').where(function () { this.where('user_email', a).orWhereNull('user_email'); }).select('id');`, `knex('users_v1').where(function () { this.where('email_address', a).orWhereNull('email_address'); }).select('id');`],
    ['a raw fragment', `knex('users_v1').whereRaw('lower(user_email) = ?', [e]).select(knex.raw('user_email, count(*) as n'));`, `knex('users_v1').whereRaw('lower(email_address) = ?', [e]).select(knex.raw('email_address AS user_email, count(*) as n'));`],
    ['a join qualifies bare names and leaves the other table alone', `knex('users_v1 as u').join('orders as o', 'o.user_email', 'u.user_email').select('o.user_email', 'user_email');`, `knex('users_v1 as u').join('orders as o', 'o.user_email', 'u.email_address').select('o.user_email', 'u.email_address as user_email');`],
  ])('%s', async (_name, code, expected) => {
    expect(await run(code)).toEqual({ code: expected, leftovers: [] });
  });

  it.each([
    ['another table’s chain', `knex('orders').select('user_email').where({ user_email: e });`],
    ['a string that is a value, not a column', `knex('users_v1').where('status', 'user_email').select('id');`],
    ['a call that is no builder', `t('users_v1'); logger.info('user_email');`],
  ])('leaves %s alone', async (_name, code) => {
    expect(await run(code)).toEqual({ code, leftovers: [] });
  });

  it('moves the table, and a qualifier that is its name', async () => {
    expect(await run(`knex('users_v1').select('users_v1.id'); knex('analytics.users_v1 as u').select('u.id');`, [moved])).toEqual({
      code: `knex('users_v2').select('users_v2.id'); knex('analytics.users_v2 as u').select('u.id');`,
      leftovers: [],
    });
  });

  it('lists dynamic names, removed columns and reads of every column', async () => {
    const code = [`knex('users_v1').select('id').orderBy(sortColumn);`, `knex('users_v1').where({ user_email: e }).select('id');`, `knex('users_v1').where({ id }).first();`].join('\n');
    const result = await run(code, [removal]);
    expect(result.code).toBe(code);
    expect(result.leftovers).toEqual([
      expect.stringMatching(/^1: a column name chosen at run time here may be user_email/),
      expect.stringMatching(/^2: user_email was removed from the dataset but this knex query still uses it/),
      expect.stringMatching(/^3: this knex query selects every column of the dataset/),
    ]);
  });
});
