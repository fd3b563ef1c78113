import type { Db, StoredEvent } from '../../adapters/store/index.js';
import { listEvents, listMigrations, listRuns } from '../../adapters/store/index.js';

/** Words for the events a person watching the demo cares about; others are not shown. */
function describeEvent(event: StoredEvent, consumerOf: (runId: string | null) => string): string | undefined {
  const who = consumerOf(event.runId);
  const { payload } = event;
  const state = typeof payload.to === 'string' ? payload.to : undefined;
  switch (event.kind) {
    case 'migration.created':
      return `• migration planned (${String(payload.changes ?? '?')} change(s))`;
    case 'migration.wave-started':
      return `• wave ${String(payload.wave)} opens: ${typeof payload.reason === 'string' ? payload.reason : ''}`;
    case 'migration.tracking-issue':
      return `• tracking issue #${String(payload.issueNumber)} on the producer repository shows every wave`;
    case 'migration.status-changed':
      return `• campaign ${String(payload.to)}${typeof payload.reason === 'string' ? ` — ${payload.reason}` : ''}`;
    case 'run.patch-started':
      return `  … ${who}: patching`;
    case 'run.not-affected':
      return `  ○ ${who}: not affected (no code reads what changed)`;
    case 'run.skipped':
      return `  ○ ${who}: skipped — ${typeof payload.reason === 'string' ? payload.reason : 'opted out'}`;
    case 'run.pr-opened':
      return `  ✓ ${who}: PR ${typeof payload.prUrl === 'string' ? payload.prUrl : 'opened'}`;
    case 'run.needs-human':
      return `  ! ${who}: needs a person — ${typeof payload.reason === 'string' ? payload.reason : ''}`;
    case 'run.patch-failed':
      return `  ✗ ${who}: patch failed — ${typeof payload.reason === 'string' ? payload.reason : ''}`;
    case 'run.ci-passed':
      return `  ✓ ${who}: CI passed`;
    case 'run.ci-failed':
      return `  ✗ ${who}: CI failed`;
    default:
      return state === undefined ? undefined : `  · ${who}: ${state}`;
  }
}

/** Prints new events as they are appended, until stopped. */
export function followEvents(db: Db, write: (line: string) => void, startedAt: number = performance.now()): { stop(): Promise<void> } {
  // The last event id printed, per migration.
  const seen = new Map<string, string>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      for (const migration of await listMigrations(db)) {
        const names = new Map((await listRuns(db, { migrationId: migration.id })).map((run) => [run.id, run.consumer.replace(/^component:default\//, '')]));
        const consumerOf = (runId: string | null): string => (runId === null ? 'campaign' : names.get(runId) ?? 'a consumer');
        const afterId = seen.get(migration.id);
        const events = await listEvents(db, { migrationId: migration.id, ...(afterId === undefined ? {} : { afterId }) });
        for (const event of events) {
          seen.set(migration.id, event.id);
          const line = describeEvent(event, consumerOf);
          if (line !== undefined) write(`${`${Math.round((performance.now() - startedAt) / 1000)}s`.padStart(5)} ${line}`);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
