import { describe, expect, it } from 'vitest';
import { parseColumnReference, parseTableReference } from './parse-reference.js';

describe('parseTableReference', () => {
  it.each([
    ['users', { table: 'users', alias: undefined }],
    ['users as u', { table: 'users', alias: 'u' }],
    ['analytics.users_v1 as u', { table: 'analytics.users_v1', alias: 'u' }],
    ['users u', undefined],
    ['(select 1)', undefined],
  ])('%s', (text, expected) => {
    expect(parseTableReference(text)).toEqual(expected);
  });
});

describe('parseColumnReference', () => {
  it.each([
    ['user_id', { qualifier: undefined, column: 'user_id', alias: undefined, columnStart: 0 }],
    ['u.user_id', { qualifier: 'u', column: 'user_id', alias: undefined, columnStart: 2 }],
    ['u.user_id as id', { qualifier: 'u', column: 'user_id', alias: 'id', columnStart: 2 }],
    [' user_id', { qualifier: undefined, column: 'user_id', alias: undefined, columnStart: 1 }],
    ['count(*)', undefined],
    ['*', undefined],
  ])('%s', (text, expected) => {
    expect(parseColumnReference(text)).toEqual(expected);
  });
});
