import { describe, expect, it } from 'vitest';
import { normalizeName } from './normalize-name.js';

describe('normalizeName: names that denote the same table compare equal', () => {
  it.each([
    ['analytics.users_v1', 'user'],
    ['users', 'user'],
    ['UserRow', 'user'],
    ['UsersV1Row', 'user'],
    ['UserRowSchema', 'user'],
    ['UsersTable', 'user'],
    ['user-profile', 'userprofile'],
    ['UserProfileEntity', 'userprofile'],
    ['fct_categories', 'fctcategory'],
    ['AuditEvent', 'auditevent'],
    ['OrderRow', 'order'],
    ['Row', 'row'],
  ])('%s → %s', (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });
});
