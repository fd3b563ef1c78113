import { describe, expect, it } from 'vitest';
import { commandCatalogue } from './command-catalogue.js';
import { decideCommandAuthorization } from './decide-command-authorization.js';
import { decideRepoRole, repoRoles } from './repo-role.js';

// The least role each command needs, written out by hand from the issue: acting needs write, a
// repository-wide opt-out needs maintain, looking needs read.
const needed = {
  rebase: 'write', recreate: 'write', retry: 'write', fix: 'write', explain: 'read', skip: 'write', hold: 'write', unhold: 'write',
  'opt-out': 'maintain', 'opt-in': 'maintain', help: 'read',
  promote: 'write', pause: 'write', resume: 'write', abort: 'write', 'retry-failed': 'write', 'confirm-rename': 'write', status: 'read',
} as const;

const matrix = commandCatalogue.flatMap((spec) => repoRoles.map((role) => ({ command: spec.name, role, allowed: repoRoles.indexOf(role) >= repoRoles.indexOf(needed[spec.name]) })));

describe('decideCommandAuthorization', () => {
  it('knows every command in the catalogue', () => {
    expect(commandCatalogue.map((spec) => spec.name).sort()).toEqual(Object.keys(needed).sort());
  });

  it.each(matrix)('$role may run $command: $allowed', ({ command, role, allowed }) => {
    const result = decideCommandAuthorization({ command, roleName: role, permission: 'none' });
    expect(result).toEqual(allowed ? { kind: 'allowed', role } : { kind: 'refused', role, needed: needed[command], roleName: role });
  });
});

describe('decideRepoRole', () => {
  it.each([
    ['maintain', 'write', 'maintain'],
    ['triage', 'read', 'triage'],
    ['Admin', 'admin', 'admin'],
    // Custom organization roles count as the legacy permission GitHub reports beside them.
    ['security-reviewer', 'read', 'read'],
    ['release-manager', 'write', 'write'],
    ['', 'none', 'none'],
    ['mystery', 'mystery', 'none'],
  ])('role_name %s with permission %s is %s', (roleName, permission, role) => {
    expect(decideRepoRole({ roleName, permission })).toBe(role);
  });
});
