import type { Db } from './db.js';

/** Tokens one LLM call spent, for a run (or the migration as a whole, e.g. a judge). */
export async function recordLlmUsage(
  db: Db,
  input: { migrationId: string; runId?: string; purpose: string; promptTokens: number; completionTokens: number; now: Date },
): Promise<void> {
  await db.query('INSERT INTO llm_usage (migration_id, run_id, purpose, prompt_tokens, completion_tokens, at) VALUES ($1, $2, $3, $4, $5, $6)', [
    input.migrationId,
    input.runId ?? null,
    input.purpose,
    input.promptTokens,
    input.completionTokens,
    input.now,
  ]);
}

/** Tokens spent so far by a migration, or by one run of it. */
export async function sumLlmUsage(db: Db, input: { migrationId: string; runId?: string }): Promise<{ promptTokens: number; completionTokens: number }> {
  const { rows } = await db.query(
    `SELECT COALESCE(SUM(prompt_tokens), 0) AS prompt, COALESCE(SUM(completion_tokens), 0) AS completion
     FROM llm_usage WHERE migration_id = $1 AND ($2::uuid IS NULL OR run_id = $2::uuid)`,
    [input.migrationId, input.runId ?? null],
  );
  const row = rows[0];
  return { promptTokens: Number(row?.prompt ?? 0), completionTokens: Number(row?.completion ?? 0) };
}
