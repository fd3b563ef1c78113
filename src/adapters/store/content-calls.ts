import type { Db } from './db.js';

/**
 * Reserves `count` content-creating calls for an installation if `decide` allows them given the
 * calls of the last hour, under an advisory lock so every worker sharing the database draws on one
 * budget. Returns the decision; only an allowed reservation is written.
 */
export async function reserveContentCalls<Decision extends { allowed: number }>(
  db: Db,
  input: { installationId: number; count: number; kind: string; now: Date; decide(recent: Date[]): Decision },
): Promise<Decision & { reserved: boolean }> {
  return db.transaction(async (tx) => {
    // Transaction-scoped: released at commit. One key per installation keeps installations independent.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`content-calls:${input.installationId}`]);
    const since = new Date(input.now.getTime() - 60 * 60_000);
    const { rows } = await tx.query('SELECT at FROM content_calls WHERE installation_id = $1 AND at > $2 ORDER BY at', [input.installationId, since]);
    const recent = rows.flatMap((row) => (row.at instanceof Date ? [row.at] : []));
    const decision = input.decide(recent);
    if (decision.allowed < input.count) return { ...decision, reserved: false };
    for (let index = 0; index < input.count; index += 1) {
      await tx.query('INSERT INTO content_calls (installation_id, at, kind) VALUES ($1, $2, $3)', [input.installationId, input.now, input.kind]);
    }
    // Calls older than an hour no longer count; drop them as we go.
    await tx.query('DELETE FROM content_calls WHERE installation_id = $1 AND at <= $2', [input.installationId, since]);
    return { ...decision, reserved: true };
  });
}
