import { describe, expect, it } from 'vitest';
import { decideReviewers } from './decide-reviewers.js';

const codeowners = `# Owners
*           @acme/platform
/src/db/    @alice @acme/data-eng   # data access
*.sql       @bob
`;

describe('decideReviewers', () => {
  it.each([
    ['configured reviewers win', { configured: ['carol', 'acme/sre'], catalogOwner: 'group:default/growth' }, { users: ['carol'], teams: ['sre'] }],
    ['a catalog group becomes a team', { configured: [], catalogOwner: 'group:default/growth' }, { users: [], teams: ['growth'] }],
    ['a catalog user becomes a user', { configured: [], catalogOwner: 'user:alice' }, { users: ['alice'], teams: [] }],
    ['CODEOWNERS of the edited files, last rule winning', { configured: [], codeowners, editedFiles: ['src/db/users.ts', 'queries/report.sql', 'README.md'] }, { users: ['alice', 'bob'], teams: ['data-eng', 'platform'] }],
    ['nobody when nothing names an owner', { configured: [], editedFiles: ['a.ts'] }, { users: [], teams: [] }],
  ])('%s', (_label, input, expected) => {
    expect(decideReviewers({ editedFiles: [], ...input })).toEqual(expected);
  });
});
