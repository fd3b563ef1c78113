import type { Db } from './db.js';
import type { RepoRef } from './repo-ref.js';

/** Who opted a repository out with `/downstream opt-out`, and when; undefined if nobody did. */
export async function findRepoOptOut(db: Db, repo: RepoRef): Promise<{ actor: string; at: Date } | undefined> {
  const { rows } = await db.query('SELECT actor, at FROM repo_opt_outs WHERE lower(repo_owner) = lower($1) AND lower(repo_name) = lower($2)', [repo.owner, repo.name]);
  const row = rows[0];
  return row !== undefined && typeof row.actor === 'string' && row.at instanceof Date ? { actor: row.actor, at: row.at } : undefined;
}

/** Opts a repository out of every downstream PR (idempotent: the first opt-out stays on record). */
export async function setRepoOptOut(db: Db, input: { repo: RepoRef; actor: string; now: Date }): Promise<void> {
  await db.query(
    'INSERT INTO repo_opt_outs (repo_owner, repo_name, actor, at) VALUES ($1, $2, $3, $4) ON CONFLICT (lower(repo_owner), lower(repo_name)) DO NOTHING',
    [input.repo.owner, input.repo.name, input.actor, input.now],
  );
}

/** Opts a repository back in (`/downstream opt-in`). */
export async function clearRepoOptOut(db: Db, repo: RepoRef): Promise<void> {
  await db.query('DELETE FROM repo_opt_outs WHERE lower(repo_owner) = lower($1) AND lower(repo_name) = lower($2)', [repo.owner, repo.name]);
}
