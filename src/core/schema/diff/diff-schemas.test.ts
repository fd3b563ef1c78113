import { describe, expect, it } from 'vitest';
import type { Change, Field } from '../types.js';
import { buildField, buildRecordField, buildSchema } from '../testing/build-schema.js';
import { diffSchemas } from './diff-schemas.js';

function diff(oldFields: Field[], newFields: Field[], format: 'sql' | 'avro' | 'protobuf' = 'sql'): Change[] {
  return diffSchemas(buildSchema(oldFields, { format }), buildSchema(newFields, { format })).changes;
}

describe('diffSchemas: renames by evidence', () => {
  it('pairs fields by protobuf number before names (identity)', () => {
    const changes = diff(
      [buildField('user_email', 'string', { id: 2 }), buildField('name', 'string', { id: 3 })],
      [buildField('email_address', 'string', { id: 2 }), buildField('name', 'string', { id: 3 })],
      'protobuf',
    );
    expect(changes).toEqual([{ kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email_address', severity: 'breaking', evidence: 'identity' }]);
  });

  it('treats Avro aliases as identity and other earlier names as declared hints', () => {
    const renamed = [buildField('email', 'string', { renamedFrom: ['user_email'] })];
    expect(diff([buildField('user_email')], renamed, 'avro')[0]?.evidence).toBe('identity');
    expect(diff([buildField('user_email')], renamed, 'sql')[0]?.evidence).toBe('declared');
  });

  it('lets a hint win over a new field that reuses the old name', () => {
    const changes = diff([buildField('email')], [buildField('email_address', 'string', { renamedFrom: ['email'] }), buildField('email', 'string', { nullable: true })]);
    expect(changes.map((change) => change.kind)).toEqual(['field.renamed', 'field.added']);
  });

  it('ignores a persisting hint once the old name is gone', () => {
    expect(diff([buildField('email')], [buildField('email', 'string', { renamedFrom: ['user_email'] })])).toEqual([]);
  });

  it('suspects (never asserts) a rename of the same type at the same position', () => {
    const changes = diff([buildField('id', 'long'), buildField('nick'), buildField('age', 'int')], [buildField('id', 'long'), buildField('nickname'), buildField('age', 'int')]);
    expect(changes).toEqual([
      { kind: 'field.suspected-rename', path: ['nick'], from: 'nick', to: 'nickname', severity: 'review', evidence: 'heuristic', detail: expect.any(String) },
    ]);
  });

  it.each([
    ['a different type', buildField('nickname', 'int')],
    ['a different nullability', buildField('nickname', 'string', { nullable: true })],
  ])('reports removed + added, not a suspected rename, for %s', (_label, added) => {
    const changes = diff([buildField('id', 'long'), buildField('nick')], [buildField('id', 'long'), added]);
    expect(changes.map((change) => change.kind)).toEqual(['field.removed', 'field.added']);
  });

  it('reports removed + added when an added field has two candidates', () => {
    // y sits where a sat, and also follows k as b did: either could be the old name, so neither is suggested.
    const changes = diff([buildField('k'), buildField('b'), buildField('a')], [buildField('q'), buildField('k'), buildField('y')]);
    expect(changes.map((change) => `${change.kind}:${change.path.join('.')}`)).toEqual(['field.removed:b', 'field.removed:a', 'field.added:q', 'field.added:y']);
  });

  it('reports a field removed at the end and another added elsewhere as removed + added', () => {
    const changes = diff([buildField('id', 'long'), buildField('legacy')], [buildField('fresh'), buildField('id', 'long')]);
    expect(changes.map((change) => change.kind).sort()).toEqual(['field.added', 'field.removed']);
  });
});

describe('diffSchemas: types, nullability, enums, constraints', () => {
  it.each([
    ['int', 'long', 'non-breaking', 'widening'],
    ['float', 'double', 'non-breaking', 'widening'],
    ['long', 'int', 'breaking', 'narrowing'],
    ['string', 'long', 'breaking', 'incompatible'],
    ['date', 'timestamp', 'non-breaking', 'widening'],
  ] as const)('%s → %s is %s (%s)', (from, to, severity, detail) => {
    expect(diff([buildField('n', from)], [buildField('n', to)])).toEqual([{ kind: 'field.type-changed', path: ['n'], from, to, severity, detail }]);
  });

  it('compares collections by their element type', () => {
    const changes = diff([buildField('ids', { kind: 'array', of: { kind: 'int' } })], [buildField('ids', { kind: 'array', of: { kind: 'long' } })]);
    expect(changes).toEqual([{ kind: 'field.type-changed', path: ['ids'], from: 'array<int>', to: 'array<long>', severity: 'non-breaking', detail: 'widening' }]);
  });

  it('treats becoming nullable as widening and becoming required as breaking', () => {
    expect(diff([buildField('a')], [buildField('a', 'string', { nullable: true })])[0]).toMatchObject({ kind: 'field.nullability-changed', from: 'required', to: 'nullable', severity: 'non-breaking' });
    expect(diff([buildField('a', 'string', { nullable: true })], [buildField('a')])[0]).toMatchObject({ kind: 'field.nullability-changed', from: 'nullable', to: 'required', severity: 'breaking' });
  });

  it('reports enum symbols added and removed', () => {
    const changes = diff([buildField('status', { kind: 'enum', symbols: ['ACTIVE', 'BANNED'] })], [buildField('status', { kind: 'enum', symbols: ['ACTIVE', 'SUSPENDED'] })]);
    expect(changes.map((change) => [change.kind, change.from ?? change.to, change.severity])).toEqual([
      ['enum.value-removed', 'BANNED', 'breaking'],
      ['enum.value-added', 'SUSPENDED', 'non-breaking'],
    ]);
  });

  it.each([
    [{ maxLength: 20 }, { maxLength: 10 }, 'breaking'],
    [{ maxLength: 10 }, { maxLength: 20 }, 'non-breaking'],
    [{}, { pattern: '^a' }, 'breaking'],
    [{ pattern: '^a' }, { pattern: '^b' }, 'review'],
    [{ reserved: '2, 3' }, { reserved: '2, 3, 4' }, 'non-breaking'],
    [{ reserved: '2, 3' }, { reserved: '3' }, 'breaking'],
    [{ primaryKey: true }, {}, 'review'],
  ] as const)('constraint %j → %j is %s', (from, to, severity) => {
    const changes = diff([buildField('a', 'string', { constraints: from })], [buildField('a', 'string', { constraints: to })]);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'constraint.changed', severity });
  });

  it('reports a changed protobuf number on a field kept by name as wire-breaking', () => {
    const changes = diff([buildField('a', 'string', { id: 2 })], [buildField('a', 'string', { id: 5 })], 'protobuf');
    expect(changes).toEqual([{ kind: 'constraint.changed', path: ['a'], from: 'number=2', to: 'number=5', severity: 'breaking', detail: expect.any(String) }]);
  });

  it('reports an added field as breaking only when required without a default', () => {
    const [required] = diff([], [buildField('a')]);
    const [nullable] = diff([], [buildField('a', 'string', { nullable: true })]);
    const [defaulted] = diff([], [buildField('a', 'string', { hasDefault: true })]);
    expect([required?.severity, nullable?.severity, defaulted?.severity]).toEqual(['breaking', 'non-breaking', 'non-breaking']);
  });

  it('reports nothing when only order changes', () => {
    expect(diff([buildField('a'), buildField('b', 'int')], [buildField('b', 'int'), buildField('a')])).toEqual([]);
  });
});

describe('diffSchemas: nested records and moves', () => {
  const address = (children: Field[], options = {}): Field => buildRecordField('address', children, options);

  it('reports changes inside records at their nested path', () => {
    const changes = diff([address([buildField('zip'), buildField('city')])], [address([buildField('postcode', 'string', { renamedFrom: ['zip'] }), buildField('city')])]);
    expect(changes).toEqual([{ kind: 'field.renamed', path: ['address', 'zip'], from: 'zip', to: 'postcode', severity: 'breaking', evidence: 'declared' }]);
  });

  it('keeps old paths under a renamed parent', () => {
    const changes = diff(
      [address([buildField('zip')])],
      [buildRecordField('location', [buildField('zip', 'int')], { renamedFrom: ['address'] })],
    );
    expect(changes.map((change) => [change.kind, change.path.join('.')])).toEqual([
      ['field.renamed', 'address'],
      ['field.type-changed', 'address.zip'],
    ]);
  });

  it('reports a dotted hint into another record as a move', () => {
    const changes = diff([address([buildField('zip'), buildField('city')])], [address([buildField('city')]), buildField('zip', 'string', { renamedFrom: ['address.zip'] })]);
    expect(changes).toEqual([{ kind: 'field.moved', path: ['address', 'zip'], from: 'address.zip', to: 'zip', severity: 'breaking', evidence: 'declared' }]);
  });

  it('treats a dotted hint into the same record as a rename', () => {
    const changes = diff([address([buildField('zip')])], [address([buildField('postcode', 'string', { renamedFrom: ['address.zip'] })])]);
    expect(changes.map((change) => change.kind)).toEqual(['field.renamed']);
  });
});

describe('diffSchemas: the dataset', () => {
  it('reports a move to a new version as a rename with the versions on the set', () => {
    const changeSet = diffSchemas(
      buildSchema([], { dataset: { name: 'users_v1', physicalName: 'analytics.users_v1' }, version: '1' }),
      buildSchema([], { dataset: { name: 'users_v2', physicalName: 'analytics.users_v2' }, version: '2' }),
    );
    expect(changeSet).toEqual({
      dataset: { name: 'users_v1', physicalName: 'analytics.users_v1' },
      fromVersion: '1',
      toVersion: '2',
      changes: [{ kind: 'dataset.renamed', path: [], from: 'analytics.users_v1', to: 'analytics.users_v2', severity: 'breaking', detail: 'moved to version 2' }],
    });
  });

  it('reports a new dbt version as breaking only when the latest version moves', () => {
    const old = buildSchema([], { format: 'dbt', dataset: { name: 'orders', physicalName: 'orders_v1' }, version: '1', versions: ['1'] });
    const moved = diffSchemas(old, { ...old, dataset: { name: 'orders', physicalName: 'orders_v2' }, version: '2', versions: ['1', '2'] });
    const beside = diffSchemas(old, { ...old, versions: ['1', '2'] });
    expect(moved.changes.find((change) => change.kind === 'dataset.version-added')).toMatchObject({ from: '1', to: '2', severity: 'breaking' });
    expect(beside.changes).toEqual([expect.objectContaining({ kind: 'dataset.version-added', to: '2', severity: 'non-breaking' })]);
  });

  it('reports a deprecation with its date', () => {
    const changeSet = diffSchemas(buildSchema([]), buildSchema([], { deprecated: true, deprecationDate: '2027-01-31' }));
    expect(changeSet.changes).toEqual([expect.objectContaining({ kind: 'dataset.deprecated', to: '2027-01-31', severity: 'non-breaking' })]);
  });

  it('lists changes field by field in the old order, then additions', () => {
    const changes = diff([buildField('a'), buildField('b', 'int'), buildField('c')], [buildField('z', 'string', { nullable: true }), buildField('c', 'long'), buildField('b', 'long')]);
    expect(changes.map((change) => `${change.kind}:${change.path.join('.')}`)).toEqual(['field.removed:a', 'field.type-changed:b', 'field.type-changed:c', 'field.added:z']);
  });
});

describe('diffSchemas: moves from the top level', () => {
  it('reads a plain hint on a nested field as a move from the root when its record never had that name', () => {
    const changes = diffSchemas(
      buildSchema([buildField('zip'), buildRecordField('address', [buildField('city')])]),
      buildSchema([buildRecordField('address', [buildField('city'), buildField('zip', 'string', { renamedFrom: ['zip'] })])]),
    ).changes;
    expect(changes).toEqual([{ kind: 'field.moved', path: ['zip'], from: 'zip', to: 'address.zip', severity: 'breaking', evidence: 'declared' }]);
  });

  it('rates item constraints as their own keys', () => {
    const list = (maxLength: number) => buildField('tags', { kind: 'array', of: { kind: 'string' } }, { constraints: { 'items.maxLength': maxLength } });
    expect(diffSchemas(buildSchema([list(20)]), buildSchema([list(10)])).changes[0]).toMatchObject({ kind: 'constraint.changed', severity: 'breaking' });
  });
});

describe('diffSchemas: reservations, fixed sizes and defaults', () => {
  it.each([
    ['5 to 7', '5 to 8', 'non-breaking'],
    ['2, 3', '2 to 3', 'non-breaking'],
    ['5 to 8', '5 to 7', 'breaking'],
    ['5 to max', '5 to 100', 'breaking'],
    ['2, "email"', '2', 'breaking'],
    ['2', '2, "email"', 'non-breaking'],
  ])('reserved %s → %s is %s', (from, to, severity) => {
    const changeSet = diffSchemas(buildSchema([], { constraints: { reserved: from } }), buildSchema([], { constraints: { reserved: to } }));
    expect(changeSet.changes).toEqual([expect.objectContaining({ kind: 'constraint.changed', path: [], severity })]);
  });

  it('treats any change of an Avro fixed size as breaking', () => {
    const fixed = (size: number) => buildField('hash', 'bytes', { constraints: { size } });
    expect(diff([fixed(16)], [fixed(32)])).toEqual([expect.objectContaining({ kind: 'constraint.changed', severity: 'breaking' })]);
  });

  it('reports a default that disappears as breaking and one that appears as non-breaking', () => {
    expect(diff([buildField('a', 'string', { hasDefault: true })], [buildField('a')])).toEqual([
      expect.objectContaining({ kind: 'constraint.changed', from: 'default=true', severity: 'breaking' }),
    ]);
    expect(diff([buildField('a')], [buildField('a', 'string', { hasDefault: true })])).toEqual([
      expect.objectContaining({ kind: 'constraint.changed', to: 'default=true', severity: 'non-breaking' }),
    ]);
  });
});

describe('diffSchemas: undeclared types', () => {
  it('asks for review, not a breaking change, when a type is declared for the first time', () => {
    expect(diff([buildField('a', 'unknown')], [buildField('a', 'long')])).toEqual([expect.objectContaining({ kind: 'field.type-changed', from: 'unknown', to: 'long', severity: 'review' })]);
    expect(diff([buildField('a', { kind: 'unknown', name: 'union<int,string>' })], [buildField('a', 'long')])[0]?.severity).toBe('breaking');
  });
});
