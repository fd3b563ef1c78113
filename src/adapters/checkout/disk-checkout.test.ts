import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskCheckout } from './disk-checkout.js';
import { writeCheckoutFiles } from './write-checkout-files.js';

let root = '';

async function put(relative: string, text = 'x'): Promise<void> {
  await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
  await writeFile(path.join(root, relative), text);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'downstream-checkout-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createDiskCheckout', () => {
  it('lists source files and leaves out installed, built, VCS and ignored ones', async () => {
    await put('src/a.ts');
    await put('src/generated/b.ts');
    await put('node_modules/kysely/index.d.ts');
    await put('dist/a.js');
    await put('.git/HEAD');
    await put('.gitignore', 'src/generated/\n*.log\n');
    await put('debug.log');
    await put('packages/web/.gitignore', 'local.ts\n');
    await put('packages/web/local.ts');
    await put('packages/web/app.ts');
    expect(await createDiskCheckout(root).listFiles()).toEqual(['.gitignore', 'packages/web/.gitignore', 'packages/web/app.ts', 'src/a.ts']);
  });

  it('reads a file by its checkout path and refuses paths that leave the checkout', async () => {
    await put('src/a.ts', 'export const a = 1;\n');
    const checkout = createDiskCheckout(root);
    expect(await checkout.readFile('src/a.ts')).toBe('export const a = 1;\n');
    await expect(checkout.readFile('../outside.ts')).rejects.toThrow('outside the checkout');
  });
});

describe('writeCheckoutFiles', () => {
  it('replaces files in place and writes nothing when any path leaves the checkout', async () => {
    await put('src/a.ts', 'old');
    await writeCheckoutFiles(root, [{ path: 'src/a.ts', after: 'new' }]);
    expect(await createDiskCheckout(root).readFile('src/a.ts')).toBe('new');
    await expect(writeCheckoutFiles(root, [{ path: 'src/a.ts', after: 'newer' }, { path: '../x.ts', after: 'y' }])).rejects.toThrow('outside the checkout');
    expect(await createDiskCheckout(root).readFile('src/a.ts')).toBe('new');
  });
});
