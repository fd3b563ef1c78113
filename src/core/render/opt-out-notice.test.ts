import { describe, expect, it } from 'vitest';
import type { OptOutReason } from '../consumers/index.js';
import { findOptOutNoticeMarker, optOutNoticeMarker, renderOptOutNotice } from './opt-out-notice.js';

function render(reason: OptOutReason) {
  return renderOptOutNotice({
    migrationId: 'm-1',
    consumer: { entityRef: 'component:default/legacy-reports' },
    upstream: { repo: 'acme/user-schemas', sha: 'a'.repeat(40), commitUrl: 'https://github.com/acme/user-schemas/commit/aaa' },
    changeSet: { dataset: { name: 'user-profile', physicalName: 'analytics.users_v1' }, changes: [{ kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email', severity: 'breaking', evidence: 'declared' }] },
    reason,
  });
}

describe('renderOptOutNotice', () => {
  it.each([
    [{ source: 'topic', detail: 'the repository has the topic downstream-opt-out' }, 'remove the topic `downstream-opt-out` from this repository'],
    [{ source: 'config', detail: '.github/downstream.yml sets enabled: false' }, 'remove `enabled: false` from `.github/downstream.yml`'],
    [{ source: 'catalog', detail: 'catalog annotation downstream/opt-out' }, 'remove the annotation `downstream/opt-out` from `component:default/legacy-reports` in the catalog'],
    [{ source: 'command', detail: 'sam commented /downstream opt-out' }, 'a maintainer comments `/downstream opt-in` here'],
  ] as const)('says why there is no PR (%o) and how to get PRs again', (reason, wayBack) => {
    const { title, body } = render(reason);
    expect(title).toBe('user-profile changed upstream: no PR here, this repository opted out');
    expect(body).toContain(`downstream did not open a PR here because ${reason.detail}.`);
    expect(body).toContain(wayBack);
    expect(body).toContain('`user_email` renamed to `email`');
    expect(body).toContain('set `notices: false` in `.github/downstream.yml`');
    expect(findOptOutNoticeMarker(body)).toEqual({ migration: 'm-1', consumer: 'component:default/legacy-reports' });
  });

  it.each([
    ['no marker', 'just text'],
    ['a marker edited into nonsense', '<!-- downstream:notice {"migration": -->'],
    ['a marker without a consumer', '<!-- downstream:notice {"migration":"m-1"} -->'],
  ])('finds no marker in %s', (_label, body) => {
    expect(findOptOutNoticeMarker(body)).toBeUndefined();
  });

  it('round-trips the marker', () => {
    expect(findOptOutNoticeMarker(`x ${optOutNoticeMarker('m-2', 'component:default/a')} y`)).toEqual({ migration: 'm-2', consumer: 'component:default/a' });
  });
});
