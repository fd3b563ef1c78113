import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listEvents, sumLlmUsage } from '../../src/adapters/store/index.js';
import type { Store } from '../../src/adapters/store/index.js';
import { createTestDatabase } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import type { E2eApp } from '../helpers/e2e-app.js';
import { demoFixtures, startE2eApp } from '../helpers/e2e-app.js';
import { growthFixes } from '../helpers/llm-loop.js';
import { waitFor } from '../helpers/wait-for.js';
import { repoRoot } from '../helpers/run-cli.js';
import { installationOctokit } from '../helpers/sandbox.js';
import type { RecordedRequest, ScriptedLlmServer, ScriptedReply } from '../helpers/scripted-llm-server.js';
import { startScriptedLlmServer } from '../helpers/scripted-llm-server.js';

// One consumer per wave: canary signup-dashboard, early growth-reports, general support-tools.
const catalogDir = path.join(repoRoot, 'fixtures/rollout/catalog');
const newSchema = readFileSync(path.join(demoFixtures, 'change/schemas/users.sql'), 'utf8');

// A model that knows growth-reports: it drops the alias, then every use of legacy_score; elsewhere it hands off.
function answer(request: RecordedRequest): ScriptedReply {
  const prompt = request.messages[1]?.content ?? '';
  const growth = prompt.includes('src/reports/weekly-report.ts');
  if (growth && prompt.includes('- id: field.renamed user_email')) return { content: JSON.stringify({ edits: [{ ...growthFixes.alias, reason: 'rows are read by the new name' }] }) };
  if (growth && prompt.includes('- id: field.removed legacy_score')) {
    return { content: JSON.stringify({ edits: [growthFixes.rowType, growthFixes.query, growthFixes.use].map((edit) => ({ ...edit, reason: 'the field is gone from the dataset' })) }) };
  }
  return { content: JSON.stringify({ edits: [] }) };
}

describe('the app with an LLM configured [pglite]', () => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  let e2e: E2eApp | undefined;
  let llm: ScriptedLlmServer | undefined;

  afterEach(async () => {
    await e2e?.close();
    await llm?.close();
    await store?.close();
    await database?.drop();
  });

  // Needs patch-consumer to call patchLeftoversWithLlm after migrate (see src/workflows/llm/index.ts).
  it('fixes a removal the codemods cannot with a verified LLM edit, and the PR body says the LLM wrote it', { timeout: 240_000 }, async () => {
    llm = await startScriptedLlmServer({ e2e: Array.from({ length: 40 }, () => answer) });
    database = await createTestDatabase('pglite');
    store = await database.open();
    e2e = await startE2eApp({ store, catalogDir, llm: { baseUrl: llm.baseUrl, model: 'e2e', apiKey: 'sk-scripted' } });
    await e2e.sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'main', files: { 'schemas/users.sql': newSchema }, as: 'ines' });
    const run = await e2e.waitForRun('growth-reports', (candidate) => candidate.prNumber !== null, 180_000);

    const { octokit } = await installationOctokit(e2e.sandbox);
    const { data: pull } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'growth-reports', pull_number: run.prNumber ?? 0 });
    const body = pull.body ?? '';
    expect(body).toContain('| `llm` | LLM, verified | `src/reports/user-schema.ts`, `src/reports/weekly-report.ts` |');
    expect(body).toContain('These files hold edits the LLM wrote; each passed the same verification as the codemods');
    expect(body).not.toContain('Needs a person');
    expect(pull.draft).toBe(false);
    const read = async (file: string): Promise<string> => {
      const { data } = await octokit.rest.repos.getContent({ owner: 'acme', repo: 'growth-reports', path: file, ref: pull.head.sha, mediaType: { format: 'raw' } });
      return String(data);
    };
    expect(await read('src/reports/weekly-report.ts')).not.toContain('legacy_score');
    expect(await read('src/reports/user-schema.ts')).not.toContain('legacy_score');

    const prompts = llm.requests('e2e').map((request) => request.messages.map((message) => message.content).join('\n'));
    expect(prompts.some((prompt) => prompt.includes('src/reports/weekly-report.ts'))).toBe(true);
    for (const prompt of prompts) expect(prompt).not.toMatch(/ghs_|-----BEGIN|sk-scripted/);
    expect(llm.requests('e2e').every((request) => request.authorization === 'Bearer sk-scripted')).toBe(true);
    const usage = await sumLlmUsage(store.db, { migrationId: run.migrationId });
    expect(usage.promptTokens).toBeGreaterThan(0);
  });

  it('follows a failing CI on its PR into a repair round, and says on the PR why a person takes over', { timeout: 240_000 }, async () => {
    llm = await startScriptedLlmServer({ e2e: Array.from({ length: 40 }, () => answer) });
    database = await createTestDatabase('pglite');
    store = await database.open();
    e2e = await startE2eApp({ store, catalogDir: path.join(repoRoot, 'fixtures/ci-repair/catalog'), llm: { baseUrl: llm.baseUrl, model: 'e2e', apiKey: 'sk-scripted' } });
    await e2e.sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'main', files: { 'schemas/users.sql': newSchema }, as: 'ines' });
    const run = await e2e.waitForRun('partner-exports', (candidate) => candidate.state === 'ci-failed', 180_000);

    const { octokit } = await installationOctokit(e2e.sandbox);
    const comment = await waitFor('the repair round to answer on the PR', async () => {
      const { data } = await octokit.rest.issues.listComments({ owner: 'acme', repo: 'partner-exports', issue_number: run.prNumber ?? 0 });
      return data.find((entry) => entry.body?.startsWith('CI failed on'));
    }, 60_000);
    // The contract test names no file and line, so there is nothing to point the LLM at: no guess, no push.
    expect(comment.body).toContain('downstream leaves it to a person: CI failed without pointing at a file of the repository');
    const events = await listEvents(store.db, { migrationId: run.migrationId, runId: run.id });
    expect(events.map((event) => event.kind).filter((kind) => kind.startsWith('run.ci-repair'))).toEqual(['run.ci-repair-handed-off']);
    const { data: pull } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'partner-exports', pull_number: run.prNumber ?? 0 });
    expect(pull.head.sha).toBe(run.headSha);
  });
});
