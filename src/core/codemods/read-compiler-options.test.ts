import { describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import { readCompilerOptions } from './read-compiler-options.js';

describe('readCompilerOptions', () => {
  it('reads the root tsconfig and the local base it extends, and never emits', () => {
    const options = readCompilerOptions(
      new Map([
        ['tsconfig.json', '{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true } }'],
        ['tsconfig.base.json', '{ "compilerOptions": { "experimentalDecorators": true, "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }'],
      ]),
    );
    expect(options).toMatchObject({ strict: true, experimentalDecorators: true, paths: { '@/*': ['src/*'] }, noEmit: true, skipLibCheck: true });
  });

  it('keeps the options a tsconfig states when the package it extends is not installed', () => {
    const options = readCompilerOptions(new Map([['tsconfig.json', '{ "extends": "@tsconfig/node20/tsconfig.json", "compilerOptions": { "strict": true, "incremental": true } }']]));
    expect(options).toMatchObject({ strict: true, noEmit: true });
    expect(options.incremental).toBeUndefined();
  });

  it('falls back to permissive module resolution without a tsconfig', () => {
    expect(readCompilerOptions(new Map()).moduleResolution).toBe(ts.ModuleResolutionKind.Bundler);
  });
});
