import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { at, buildMigrationInput, sha } from '../../../test/helpers/store-builders.js';
import { ensureMigration, listEvents, recordEvent } from './index.js';

describeEachDatabase('events log', (context) => {
  it('appends entries and reads them back in order, after a given entry', async () => {
    const { migration } = await ensureMigration(context.db, buildMigrationInput({ afterSha: sha(201) }));
    const first = await recordEvent(context.db, {
      migrationId: migration.id,
      kind: 'wave.promoted',
      actor: 'downstream',
      payload: { wave: 1, consumers: ['a', 'b'] },
      now: at(3),
    });
    await recordEvent(context.db, { migrationId: migration.id, kind: 'command.pause', actor: 'octocat', now: at(4) });
    const all = await listEvents(context.db, { migrationId: migration.id });
    expect(all.map((event) => event.kind)).toEqual(['migration.created', 'wave.promoted', 'command.pause']);
    expect(all[1]).toEqual(first);
    expect(first).toMatchObject({ runId: null, payload: { wave: 1, consumers: ['a', 'b'] }, at: at(3) });
    const later = await listEvents(context.db, { migrationId: migration.id, afterId: first.id });
    expect(later.map((event) => [event.kind, event.actor, event.payload])).toEqual([['command.pause', 'octocat', {}]]);
  });

  it('refuses to edit or delete history', async () => {
    const { migration } = await ensureMigration(context.db, buildMigrationInput({ afterSha: sha(202) }));
    await expect(context.db.query("UPDATE events SET actor = 'mallory' WHERE migration_id = $1", [migration.id])).rejects.toThrow(/append-only/);
    await expect(context.db.query('DELETE FROM events WHERE migration_id = $1', [migration.id])).rejects.toThrow(/append-only/);
    await expect(context.db.exec('TRUNCATE events CASCADE')).rejects.toThrow(/append-only/);
    expect(await listEvents(context.db, { migrationId: migration.id })).toHaveLength(1);
  });
});
