import type { z } from 'zod';
import type { Row } from './db.js';
import { StoreError } from './store-error.js';

/** Validates a row read back from the database; a mismatch means the table and code disagree. */
export function parseRow<T>(schema: z.ZodType<T>, row: Row | undefined, table: string): T {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`);
  throw new StoreError('invalid-row', `unexpected row in ${table}: ${problems.join('; ')}`);
}
