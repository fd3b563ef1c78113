/**
 * Store migration 0002: what rollouts, people and the LLM need (issues 6–8). Waves and the gate
 * (the plan, waves started, a promote request), the pacing budget shared by every worker, what a
 * patch did (for `explain` and the PR body), repository opt-outs by command, and LLM token use.
 */
export const campaignsStoreMigration = {
  id: '0002_campaigns',
  sql: `
ALTER TABLE migrations ADD COLUMN installation_id integer CHECK (installation_id > 0);
-- The dataset's top-level fields before the change: how codemods recognise a type that mirrors it.
ALTER TABLE migrations ADD COLUMN field_names jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE migrations ADD COLUMN plan jsonb;
ALTER TABLE migrations ADD COLUMN started_waves integer NOT NULL DEFAULT 0 CHECK (started_waves >= 0);
ALTER TABLE migrations ADD COLUMN promote_requested boolean NOT NULL DEFAULT false;
-- The tracking issue body last written, so an update that changes nothing is not sent.
ALTER TABLE migrations ADD COLUMN tracking_body text;

-- What the last patch did: edits by transform and change, leftovers, verification.
ALTER TABLE runs ADD COLUMN patch jsonb;
-- Who other than the bot pushed to its branch; the bot stops rewriting it from then on.
ALTER TABLE runs ADD COLUMN edited_by text;
-- When the run last turned CI-green, for the gate's soak time.
ALTER TABLE runs ADD COLUMN green_at timestamptz;
-- Repair commits pushed after a CI failure (at most two).
ALTER TABLE runs ADD COLUMN repairs integer NOT NULL DEFAULT 0 CHECK (repairs >= 0);

-- Every content-creating GitHub call, per installation: the pacing budget all workers share.
CREATE TABLE content_calls (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  installation_id integer NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL
);
CREATE INDEX content_calls_by_installation ON content_calls (installation_id, at);

-- Repositories that said no with /downstream opt-out, until /downstream opt-in.
CREATE TABLE repo_opt_outs (
  repo_owner text NOT NULL,
  repo_name text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL
);
CREATE UNIQUE INDEX repo_opt_outs_identity ON repo_opt_outs (lower(repo_owner), lower(repo_name));

-- Tokens an LLM spent, per run and migration (budgets are enforced from these).
CREATE TABLE llm_usage (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  migration_id uuid NOT NULL REFERENCES migrations (id),
  run_id uuid REFERENCES runs (id),
  purpose text NOT NULL,
  prompt_tokens integer NOT NULL CHECK (prompt_tokens >= 0),
  completion_tokens integer NOT NULL CHECK (completion_tokens >= 0),
  at timestamptz NOT NULL
);
CREATE INDEX llm_usage_by_migration ON llm_usage (migration_id, run_id);
`,
} as const;
