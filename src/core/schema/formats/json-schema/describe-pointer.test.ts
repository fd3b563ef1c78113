import { describe, expect, it } from 'vitest';
import { describePointer } from './describe-pointer.js';

describe('describePointer', () => {
  it.each([
    [['properties', 'id', 'type'], '"type" at #/properties/id'],
    [['required'], '"required" at #'],
    [['required', '0'], '#/required/0'],
    [['$defs', 'Address'], '#/$defs/Address'],
    [['properties', 'type'], '#/properties/type'],
    [['properties', 'a/b', 'format'], '"format" at #/properties/a~1b'],
  ])('describes %j as %s', (segments, described) => {
    expect(describePointer(segments)).toBe(described);
  });
});
