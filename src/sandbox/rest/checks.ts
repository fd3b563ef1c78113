import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { findCommitSha } from '../git/index.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { numberParam, param, parseBody, queryValue, repoOf } from '../http/input.js';
import { paginate } from '../http/paginate.js';
import type { RestRequest, Route } from '../http/route.js';
import type { App, CheckRun } from '../state/types.js';
import { createCheckRun, renderCheckRun, updateCheckRun } from '../ops/checks.js';
import type { CheckRunInput } from '../ops/checks.js';

const status = z.enum(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']).transform((value) => (value === 'queued' || value === 'in_progress' || value === 'completed' ? value : 'queued'));
const conclusion = z.enum(['success', 'failure', 'neutral', 'cancelled', 'skipped', 'timed_out', 'action_required']);
const output = z.object({ title: z.string().optional(), summary: z.string().optional(), text: z.string().optional() }).passthrough();
const runFields = {
  details_url: z.string().optional(),
  external_id: z.string().optional(),
  status: status.optional(),
  started_at: z.string().optional(),
  conclusion: conclusion.optional(),
  completed_at: z.string().optional(),
  output: output.optional(),
};
const createInput = z.object({ name: z.string().min(1), head_sha: z.string(), ...runFields });
const updateInput = z.object({ name: z.string().optional(), ...runFields });

function appOrThrow(request: RestRequest): App {
  if (request.principal.kind !== 'installation') throw new GitHubError(403, 'You must authenticate via a GitHub App.');
  return request.principal.installation.app;
}

function toRunInput(input: z.infer<typeof updateInput>): CheckRunInput {
  return {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.status === undefined ? {} : { status: input.status }),
    ...(input.conclusion === undefined ? {} : { conclusion: input.conclusion }),
    ...(input.details_url === undefined ? {} : { detailsUrl: input.details_url }),
    ...(input.external_id === undefined ? {} : { externalId: input.external_id }),
    ...(input.started_at === undefined ? {} : { startedAt: input.started_at }),
    ...(input.completed_at === undefined ? {} : { completedAt: input.completed_at }),
    ...(input.output === undefined ? {} : { output: { ...(input.output.title === undefined ? {} : { title: input.output.title }), ...(input.output.summary === undefined ? {} : { summary: input.output.summary }), ...(input.output.text === undefined ? {} : { text: input.output.text }) } }),
  };
}

async function create(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const app = appOrThrow(request);
  const input = parseBody(createInput, request.body);
  const sha = await findCommitSha(repo.gitDir, input.head_sha);
  if (sha === undefined || !input.head_sha.startsWith(sha.slice(0, input.head_sha.length))) throw new GitHubError(422, `No commit found for SHA: ${input.head_sha}`);
  const run = await createCheckRun(context, repo, app, sha, { ...toRunInput(input), name: input.name });
  return { status: 201, body: renderCheckRun(context, repo, run, request.urls) };
}

function findRunOrThrow(context: SandboxContext, request: RestRequest): CheckRun {
  const repo = repoOf(request);
  const run = context.store.checkRuns.get(numberParam(request, 'check_run_id'));
  if (run === undefined || run.repoId !== repo.id) throw notFound();
  return run;
}

async function update(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const app = appOrThrow(request);
  const run = findRunOrThrow(context, request);
  if (run.app.id !== app.id) throw new GitHubError(403, `Invalid app_id \`${app.id}\` - check run can only be modified by the GitHub App that created it.`);
  await updateCheckRun(context, repo, run, toRunInput(parseBody(updateInput, request.body)));
  return { status: 200, body: renderCheckRun(context, repo, run, request.urls) };
}

async function listForRef(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const sha = await findCommitSha(repo.gitDir, param(request, 'ref'));
  if (sha === undefined) throw new GitHubError(422, `No commit found for SHA: ${param(request, 'ref')}`);
  const name = queryValue(request, 'check_name');
  const wanted = queryValue(request, 'status');
  const appId = queryValue(request, 'app_id');
  let runs = [...context.store.checkRuns.values()]
    .filter((run) => run.repoId === repo.id && run.headSha === sha)
    .filter((run) => (name === undefined || run.name === name) && (wanted === undefined || run.status === wanted) && (appId === undefined || String(run.app.id) === appId))
    .sort((a, b) => b.id - a.id);
  if ((queryValue(request, 'filter') ?? 'latest') === 'latest') {
    const seen = new Set<string>();
    runs = runs.filter((run) => {
      const key = `${run.app.id}:${run.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const page = paginate(request, runs);
  return { status: 200, headers: page.headers, body: { total_count: runs.length, check_runs: page.items.map((run) => renderCheckRun(context, repo, run, request.urls)) } };
}

/** Check runs: create and update (by the app that owns them), read one, list a commit's runs. */
export const checkRoutes: readonly Route[] = [
  { method: 'POST', path: '/repos/{owner}/{repo}/check-runs', operationId: 'checks/create', auth: 'token', permissions: [['checks', 'write']], handle: create },
  { method: 'PATCH', path: '/repos/{owner}/{repo}/check-runs/{check_run_id}', operationId: 'checks/update', auth: 'token', permissions: [['checks', 'write']], handle: update },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    operationId: 'checks/get',
    auth: 'token',
    permissions: [['checks', 'read']],
    handle: (context, request) => ({ status: 200, body: renderCheckRun(context, repoOf(request), findRunOrThrow(context, request), request.urls) }),
  },
  { method: 'GET', path: '/repos/{owner}/{repo}/commits/{ref}/check-runs', operationId: 'checks/list-for-ref', multiSegment: ['ref'], auth: 'token', permissions: [['checks', 'read']], handle: listForRef },
];
