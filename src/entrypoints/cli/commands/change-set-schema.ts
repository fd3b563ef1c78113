import { z } from 'zod';
import type { ChangeSet } from '../../../core/schema/index.js';
import { changeKinds } from '../../../core/schema/index.js';

const changeSchema = z.strictObject({
  kind: z.enum(changeKinds),
  path: z.array(z.string()),
  from: z.string().optional(),
  to: z.string().optional(),
  severity: z.enum(['breaking', 'non-breaking', 'review']),
  evidence: z.enum(['identity', 'declared', 'heuristic']).optional(),
  detail: z.string().optional(),
});

/** A ChangeSet file as `downstream diff --format json` writes it (DESIGN §3), validated before use. */
export const changeSetSchema = z.strictObject({
  dataset: z.strictObject({ name: z.string(), physicalName: z.string().optional() }),
  fromVersion: z.string().optional(),
  toVersion: z.string().optional(),
  changes: z.array(changeSchema),
}) satisfies z.ZodType<ChangeSet>;
