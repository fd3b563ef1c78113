import type { RunState } from '../../core/runs/index.js';
import type { Db } from './db.js';
import { isUuid } from './is-uuid.js';
import type { RepoRef } from './repo-ref.js';
import { parseRunRow } from './run-row.js';
import type { Run } from './run-row.js';

/** The run of a consumer in a migration, if there is one. */
export async function findRun(db: Db, key: { migrationId: string; consumer: string }): Promise<Run | undefined> {
  if (!isUuid(key.migrationId)) return undefined;
  const { rows } = await db.query('SELECT * FROM runs WHERE migration_id = $1 AND consumer = $2', [key.migrationId, key.consumer]);
  return rows.length === 0 ? undefined : parseRunRow(rows[0]);
}

/** The run whose PR this is (repository names compare case-insensitively, as on GitHub). */
export async function findRunByPr(db: Db, key: { repo: RepoRef; prNumber: number }): Promise<Run | undefined> {
  const { rows } = await db.query(
    'SELECT * FROM runs WHERE lower(repo_owner) = lower($1) AND lower(repo_name) = lower($2) AND pr_number = $3',
    [key.repo.owner, key.repo.name, key.prNumber],
  );
  return rows.length === 0 ? undefined : parseRunRow(rows[0]);
}

/** A migration's runs by wave then consumer, optionally only some states or one wave. */
export async function listRuns(
  db: Db,
  filter: { migrationId: string; states?: readonly RunState[]; wave?: number },
): Promise<Run[]> {
  if (!isUuid(filter.migrationId)) return [];
  const { rows } = await db.query(
    `SELECT * FROM runs
     WHERE migration_id = $1 AND ($2::text[] IS NULL OR state = ANY($2::text[])) AND ($3::integer IS NULL OR wave = $3)
     ORDER BY wave, consumer`,
    [filter.migrationId, filter.states === undefined ? null : [...filter.states], filter.wave ?? null],
  );
  return rows.map((row) => parseRunRow(row));
}

/** The open-PR runs whose PR head is `sha` in a repository: what a CI report on that commit concerns. */
export async function listRunsByHead(db: Db, key: { repo: RepoRef; sha: string }): Promise<Run[]> {
  const { rows } = await db.query(
    `SELECT * FROM runs WHERE lower(repo_owner) = lower($1) AND lower(repo_name) = lower($2) AND head_sha = $3 ORDER BY created_at`,
    [key.repo.owner, key.repo.name, key.sha],
  );
  return rows.map((row) => parseRunRow(row));
}

/** The runs whose PR branch is `branch` in a repository (one per migration at most). */
export async function listRunsByBranch(db: Db, key: { repo: RepoRef; branch: string }): Promise<Run[]> {
  const { rows } = await db.query(
    `SELECT * FROM runs WHERE lower(repo_owner) = lower($1) AND lower(repo_name) = lower($2) AND branch = $3 ORDER BY created_at`,
    [key.repo.owner, key.repo.name, key.branch],
  );
  return rows.map((row) => parseRunRow(row));
}
