import { z } from 'zod';
import { changeKinds } from '../../core/schema/index.js';
import type { ChangeSet } from '../../core/schema/index.js';

// Loose objects keep keys a later schema engine adds, so reading a stored change set back never drops them.
/** One Change as stored (DESIGN §3), checked when read back. */
export const changeSchema = z.looseObject({
  kind: z.enum(changeKinds),
  path: z.array(z.string()),
  from: z.string().optional(),
  to: z.string().optional(),
  severity: z.enum(['breaking', 'non-breaking', 'review']),
  evidence: z.enum(['identity', 'declared', 'heuristic']).optional(),
  detail: z.string().optional(),
});

/** A stored ChangeSet (DESIGN §3), validated when read back from the `change_set` column. */
export const changeSetSchema = z.looseObject({
  dataset: z.looseObject({ name: z.string().min(1), physicalName: z.string().optional() }),
  fromVersion: z.string().optional(),
  toVersion: z.string().optional(),
  changes: z.array(changeSchema),
}) satisfies z.ZodType<ChangeSet>;
