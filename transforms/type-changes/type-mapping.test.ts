import { describe, expect, it } from 'vitest';
import { acceptsTsType, findTsType, findZodFactory } from './type-mapping.js';

describe('findTsType: the TypeScript spelling of a schema type, only when there is one', () => {
  it.each([
    ['string', 'string'],
    ['enum', 'string'],
    ['boolean', 'boolean'],
    ['int', 'number'],
    ['double', 'number'],
    ['array<string>', 'string[]'],
    ['long', undefined],
    ['decimal', undefined],
    ['timestamp', undefined],
    ['json', undefined],
    ['array<timestamp>', undefined],
  ])('%s → %s', (signature, expected) => {
    expect(findTsType(signature)).toBe(expected);
  });
});

describe('acceptsTsType: how a property may already be written for a type', () => {
  it.each([
    ['int', 'number', true],
    ['long', 'bigint', true],
    ['long', 'string', true],
    ['timestamp', 'Date', true],
    ['int', 'string', false],
    ['string', 'Date', false],
  ])('%s written as %s: %s', (signature, written, expected) => {
    expect(acceptsTsType(signature, written)).toBe(expected);
  });

  it('names a zod factory only for the three certain scalars', () => {
    expect(['string', 'int', 'boolean', 'long', 'timestamp'].map(findZodFactory)).toEqual(['string', 'number', 'boolean', undefined, undefined]);
  });
});
