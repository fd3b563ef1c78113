import path from 'node:path';
import { Probot } from 'probot';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloneCache } from '../../src/adapters/git/index.js';
import { createGitHubAccess, DownstreamOctokit, readRepo } from '../../src/adapters/github/index.js';
import type { Store } from '../../src/adapters/store/index.js';
import { findRun, sumLlmUsage } from '../../src/adapters/store/index.js';
import { repairAfterCiFailure } from '../../src/workflows/llm/index.js';
import type { RepairDeps } from '../../src/workflows/llm/index.js';
import type { TestDatabase } from '../helpers/databases.js';
import { createTestDatabase } from '../helpers/databases.js';
import { demoFixtures, readFolder } from '../helpers/e2e-app.js';
import { makeTempDir } from '../helpers/git-repos.js';
import { buildLoopDeps, demoChangeSet, editsReply, growthFixes, seedRun } from '../helpers/llm-loop.js';
import { useSandbox } from '../helpers/sandbox.js';
import type { ScriptedLlmServer } from '../helpers/scripted-llm-server.js';
import { startScriptedLlmServer } from '../helpers/scripted-llm-server.js';

const fixture = readFolder(path.join(demoFixtures, 'org/acme/growth-reports'));
const context = useSandbox({ seed: { repos: [{ owner: 'acme', name: 'growth-reports', files: fixture }] } });

// The bot's branch: the codemods' rename, and the row type without legacy_score while a reader still uses it.
const brokenBranch = {
  'src/reports/user-schema.ts': (fixture['src/reports/user-schema.ts'] ?? '').replace('user_email: z.string(),', 'email: z.string(),').replace('  legacy_score: z.number().nullable(),\n', ''),
  'src/reports/weekly-report.ts': (fixture['src/reports/weekly-report.ts'] ?? '').replace('u.user_email, u.legacy_score', 'u.email, u.legacy_score').replace('row.user_email', 'row.email'),
};

describe('repairing a bot PR after its CI failed', () => {
  let database: TestDatabase;
  let store: Store;
  let server: ScriptedLlmServer;
  let seed = 100;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    store = await database.open();
    server = await startScriptedLlmServer();
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await database.drop();
  });

  async function openFailingPull(branch: string): Promise<string> {
    const { sandbox } = context;
    const { sha } = await sandbox.pushFiles({ owner: 'acme', repo: 'growth-reports', branch, files: brokenBranch, as: 'ines' });
    await sandbox.openPull({ owner: 'acme', repo: 'growth-reports', head: branch, title: 'Follow users_v1', as: 'ines' });
    await sandbox.waitForIdle();
    expect(sandbox.ci.outcomes().find((outcome) => outcome.sha === sha)?.conclusion).toBe('failure');
    return sha;
  }

  async function setUp(scenario: string, branch: string, repairs = 0) {
    const { sandbox } = context;
    const headSha = await openFailingPull(branch);
    seed += 1;
    const owner = await seedRun(store.db, seed);
    const probot = new Probot({ appId: sandbox.appId, privateKey: sandbox.privateKey, secret: sandbox.webhookSecret, baseUrl: sandbox.url, log: pino({ level: 'silent' }), Octokit: DownstreamOctokit });
    const access = await createGitHubAccess(probot).forRepo({ owner: 'acme', name: 'growth-reports' });
    const repo = await readRepo(access.octokit, { owner: 'acme', repo: 'growth-reports' });
    const deps: RepairDeps = { ...buildLoopDeps(store.db, { baseUrl: server.baseUrl, scenario }), clones: createCloneCache(makeTempDir('downstream-clones-')), bot: { appSlug: sandbox.appSlug, login: `${sandbox.appSlug}[bot]`, git: { name: `${sandbox.appSlug}[bot]`, email: 'bot@example.com' } } };
    const stored = await findRun(store.db, { migrationId: owner.migrationId, consumer: 'component:default/billing' });
    if (stored === undefined) throw new Error('the run was not stored');
    const run = { ...stored, repo: { owner: 'acme', name: 'growth-reports' }, branch, headSha, repairs, patch: { edits: Object.keys(brokenBranch).map((file) => ({ path: file, transform: 'row-types', author: 'codemod' as const, changes: [] })), leftovers: [], verification: { typecheck: 'passed' as const } } };
    const input = { migration: { id: owner.migrationId, changeSet: demoChangeSet, fieldNames: [] }, run, access, repo, verify: undefined, consumerPaths: undefined };
    return { deps, input, owner, headSha };
  }

  it('feeds the failing check to the LLM, pushes one verified repair commit, and CI passes', async () => {
    server.script('repair', [editsReply([{ ...growthFixes.use, change: 'field.removed legacy_score' }])]);
    const { deps, input, owner } = await setUp('repair', 'downstream/repair-ok');
    const outcome = await repairAfterCiFailure(deps, input);
    expect(outcome).toMatchObject({ kind: 'pushed', repairs: 1, attempts: 1, edits: [{ path: 'src/reports/weekly-report.ts', author: 'llm', changes: ['field.removed legacy_score'] }] });
    const prompt = server.requests('repair')[0]?.messages[1]?.content ?? '';
    expect(prompt).toContain('## Failing CI checks');
    expect(prompt).toMatch(/UNTRUSTED \(CI check sandbox-ci\):\n```+\n[\s\S]*src\/reports\/weekly-report\.ts\(18,\d+\): error TS2339/);
    expect(prompt).toContain('- src/reports/weekly-report.ts:18 — CI (sandbox-ci: error TS2339');
    await context.sandbox.waitForIdle();
    const pushed = outcome.kind === 'pushed' ? outcome.sha : '';
    expect(context.sandbox.ci.outcomes().find((entry) => entry.sha === pushed)?.conclusion).toBe('success');
    expect((await findRun(store.db, { migrationId: owner.migrationId, consumer: 'component:default/billing' }))?.repairs).toBe(1);
    expect(await sumLlmUsage(store.db, owner)).toEqual({ promptTokens: outcome.kind === 'pushed' ? outcome.usage.promptTokens : -1, completionTokens: outcome.kind === 'pushed' ? outcome.usage.completionTokens : -1 });
  });

  it('hands off after two repair commits without asking the LLM', async () => {
    const { deps, input } = await setUp('exhausted', 'downstream/repair-twice', 2);
    expect(await repairAfterCiFailure(deps, input)).toEqual({ kind: 'handed-off', reason: 'downstream already pushed 2 repair commits; a person takes it from here', usage: { calls: 0, promptTokens: 0, completionTokens: 0 }, attempts: 0 });
    expect(server.requests('exhausted')).toEqual([]);
  });

  it('hands off and pushes nothing when no attempt passes', async () => {
    const silence = { file: 'src/reports/weekly-report.ts', original: '  return `${row.email}: ${row.legacy_score ?? 0}`;', replacement: '  // @ts-expect-error the field is gone\n  return `${row.email}: ${row.legacy_score ?? 0}`;', change: 'field.removed legacy_score' };
    server.script('no-repair', [editsReply([silence]), editsReply([silence]), editsReply([silence])]);
    const { deps, input, headSha } = await setUp('no-repair', 'downstream/repair-fails');
    const outcome = await repairAfterCiFailure(deps, input);
    expect(outcome).toMatchObject({ kind: 'handed-off', attempts: 3 });
    expect(outcome.kind === 'handed-off' ? outcome.reason : '').toContain('CI repair failed: 3 LLM attempt(s) rejected, the last at the guardrails check: edit 1 (src/reports/weekly-report.ts): it adds a @ts-ignore / @ts-expect-error / @ts-nocheck comment');
    const { data } = await input.access.octokit.rest.repos.getBranch({ owner: 'acme', repo: 'growth-reports', branch: 'downstream/repair-fails' });
    expect(data.commit.sha).toBe(headSha);
  });
});
