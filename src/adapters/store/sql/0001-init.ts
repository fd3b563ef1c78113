/**
 * Store migration 0001: campaigns, per-consumer runs, the events log and webhook deliveries.
 * Applied once and never edited: later changes go in a new store migration. The state lists
 * are spelled out rather than generated, so this text never changes under an applied database.
 */
export const initStoreMigration = {
  id: '0001_init',
  sql: `
CREATE TABLE migrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dataset text NOT NULL,
  physical_name text,
  upstream_owner text NOT NULL,
  upstream_name text NOT NULL,
  before_sha text NOT NULL,
  after_sha text NOT NULL,
  change_set jsonb NOT NULL,
  from_version text,
  to_version text,
  status text NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'paused', 'halted', 'completed', 'aborted')),
  tracking_issue integer CHECK (tracking_issue > 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- One schema change of one dataset at one upstream commit is one migration, however often the
-- push is delivered. GitHub names are case-insensitive, so the key is too.
CREATE UNIQUE INDEX migrations_identity
  ON migrations (lower(upstream_owner), lower(upstream_name), dataset, after_sha);

CREATE TABLE runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  migration_id uuid NOT NULL REFERENCES migrations (id),
  consumer text NOT NULL,
  repo_owner text NOT NULL,
  repo_name text NOT NULL,
  tier text NOT NULL CHECK (tier IN ('canary', 'early', 'general', 'critical')),
  wave integer NOT NULL CHECK (wave >= 0),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN (
    'pending', 'patching', 'not-affected', 'pr-open', 'needs-human', 'failed',
    'ci-passed', 'ci-failed', 'merged', 'declined', 'skipped', 'held')),
  held_from text CHECK (held_from IN (
    'pending', 'patching', 'not-affected', 'pr-open', 'needs-human', 'failed', 'ci-passed', 'ci-failed')),
  state_reason text,
  branch text,
  pr_number integer CHECK (pr_number > 0),
  pr_url text,
  head_sha text,
  leftovers integer CHECK (leftovers >= 0),
  attempt integer NOT NULL DEFAULT 0 CHECK (attempt >= 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (migration_id, consumer),
  CHECK ((state = 'held') = (held_from IS NOT NULL))
);

CREATE INDEX runs_by_state ON runs (migration_id, state);

-- Webhooks about a PR find their run by repository and number.
CREATE UNIQUE INDEX runs_by_pr
  ON runs (lower(repo_owner), lower(repo_name), pr_number) WHERE pr_number IS NOT NULL;

CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  migration_id uuid NOT NULL REFERENCES migrations (id),
  run_id uuid REFERENCES runs (id),
  kind text NOT NULL,
  actor text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL
);

CREATE INDEX events_by_migration ON events (migration_id, id);
CREATE INDEX events_by_run ON events (run_id, id) WHERE run_id IS NOT NULL;

-- The log is history: refuse edits and deletions at the database, not only in our code.
CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();

-- GitHub never retries a webhook but people redeliver them: X-GitHub-Delivery dedupes.
CREATE TABLE webhook_deliveries (
  delivery_id text PRIMARY KEY,
  event text NOT NULL,
  action text,
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'processed', 'ignored', 'failed')),
  received_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (received_at);
`,
} as const;
