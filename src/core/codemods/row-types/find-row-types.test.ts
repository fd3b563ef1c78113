import { describe, expect, it } from 'vitest';
import { loadProject } from '../load-project.js';
import { findRowTypes } from './find-row-types.js';

const zodShim = `declare module 'zod' { export const z: { object(shape: object): unknown; string(): unknown }; }`;

function rowTypeNames(source: string, options: { fieldNames?: string[]; datasetNames?: string[] } = {}): string[] {
  const texts = new Map([
    ['tsconfig.json', '{ "compilerOptions": { "lib": ["ES2022"], "strict": true } }'],
    ['src/types.ts', source],
    ['src/zod.d.ts', zodShim],
  ]);
  const loaded = loadProject(texts, ['src/types.ts', 'src/zod.d.ts']);
  const rules = { datasetNames: options.datasetNames ?? ['analytics.users_v1', 'users_v1', 'user-profile'], fieldNames: options.fieldNames };
  return findRowTypes(loaded.program, ['src/types.ts'], rules).map((rowType) => `${rowType.name}:${rowType.evidence}`);
}

const fields = ['user_id', 'email', 'display_name', 'created_at'];

describe('findRowTypes: which declarations mirror the dataset', () => {
  it.each([
    ['an interface named after the table', 'export interface UserRow { user_id: string; email: string }', {}, ['UserRow:named-after-dataset']],
    ['a type alias named after the table and its version', 'export type UsersV1Record = { user_id: string }', {}, ['UsersV1Record:named-after-dataset']],
    ['a class named after the catalog name', 'export class UserProfileModel { user_id = ""; }', {}, ['UserProfileModel:named-after-dataset']],
    ['a zod object named after the table', 'import { z } from "zod"; export const UserSchema = z.object({ user_id: z.string() });', {}, ['UserSchema:named-after-dataset']],
    ['a declaration annotated with @dataset', '/** @dataset analytics.users_v1 */ export interface Member { user_id: string }', {}, ['Member:annotated']],
    ['a type that shares most of its fields with the dataset, when the fields are known', 'export interface Profile { user_id: string; email: string; display_name: string }', { fieldNames: fields }, ['Profile:structure']],
  ])('%s', (_label, source, options, expected) => {
    expect(rowTypeNames(source, options)).toEqual(expected);
  });

  it.each([
    ['another table\'s row with the same column', 'export interface AuditEvent { id: number; user_id: string; action: string; at: string }', { fieldNames: fields }],
    ['a type that shares one or two fields only', 'export interface Contact { user_id: string; email: string; phone: string; fax: string; street: string }', { fieldNames: fields }],
    ['a similar shape when the dataset fields are unknown', 'export interface Profile { user_id: string; email: string; display_name: string }', {}],
    ['an annotation naming another dataset', '/** @dataset crm.accounts */ export interface Member { user_id: string }', {}],
    ['a z.object that does not come from zod', 'const z = { object: (shape: object) => shape, string: () => "" }; export const UserSchema = z.object({ user_id: z.string() });', {}],
    ['a type named after the table but with no properties of its own', 'export type UserRow = Record<string, unknown>;', {}],
  ])('not %s', (_label, source, options) => {
    expect(rowTypeNames(source, options)).toEqual([]);
  });
});
