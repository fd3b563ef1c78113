import { describe, expect, it } from 'vitest';
import { createMemoryCheckout, migrate } from '../src/core/codemods/index.js';
import type { ChangeSet } from '../src/core/schema/index.js';
import { builtinTransforms } from '../transforms/index.js';

const removal: ChangeSet = {
  dataset: { name: 'user-profile', physicalName: 'analytics.users_v1' },
  changes: [{ kind: 'field.removed', path: ['legacy_score'], severity: 'breaking' }],
};

describe('the prefilter', () => {
  it('still reads a file that names the dataset but no changed column, so SELECT * is listed for a person', async () => {
    const checkout = createMemoryCheckout({
      'src/export.ts': "export const everything = 'SELECT * FROM analytics.users_v1';\n",
      'queries/dump.sql': 'SELECT * FROM analytics.users_v1;\n',
      'src/unrelated.ts': "export const orders = 'SELECT * FROM analytics.orders';\n",
    });
    const result = await migrate(checkout, removal, { transforms: builtinTransforms });
    expect(result.edits).toEqual([]);
    expect(result.leftovers.map((leftover) => leftover.path).sort()).toEqual(['queries/dump.sql', 'src/export.ts']);
    for (const leftover of result.leftovers) expect(leftover.reason).toMatch(/^SELECT \* returns the dataset's columns .* legacy_score was removed/);
  });
});
