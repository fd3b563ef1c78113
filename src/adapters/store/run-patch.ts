import { z } from 'zod';
import { changeSchema } from './change-set-schema.js';

/** What one patch of a consumer did, kept for `/downstream explain`, the PR body and the LLM. */
export const runPatchSchema = z.object({
  edits: z.array(z.object({ path: z.string(), transform: z.string(), author: z.enum(['codemod', 'llm']), changes: z.array(z.string()) })),
  leftovers: z.array(z.object({ path: z.string(), line: z.number().int(), change: changeSchema, reason: z.string(), diagnosis: z.string().optional() })),
  verification: z.object({
    typecheck: z.enum(['passed', 'failed', 'skipped']),
    command: z.object({ command: z.string(), status: z.enum(['passed', 'failed', 'skipped']), detail: z.string().optional() }).optional(),
  }),
  llm: z.object({ attempts: z.number().int(), promptTokens: z.number().int(), completionTokens: z.number().int() }).optional(),
});

/** What one patch of a consumer did. */
export type RunPatch = z.infer<typeof runPatchSchema>;
