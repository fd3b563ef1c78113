import type { SandboxContext } from '../context.js';
import { emitRepoEvent } from '../events/emit.js';
import { readCommits } from '../git/index.js';
import { presentCheckRun, presentCheckSuite } from '../present/checks.js';
import { presentSimpleCommit } from '../present/commit.js';
import { presentPullMinimal } from '../present/pull.js';
import type { Account, App, CheckConclusion, CheckOutput, CheckRun, CheckStatus, CheckSuite, Repo } from '../state/types.js';
import { scheduleAutoMerge } from './auto-merge.js';
import { listPulls, openPullsWithHeadSha } from './lookup.js';

function pullsFor(context: SandboxContext, repo: Repo, sha: string) {
  return openPullsWithHeadSha(repo, sha).map((issue) => presentPullMinimal(context.urls(), repo, issue));
}

function runsOf(context: SandboxContext, suite: CheckSuite): CheckRun[] {
  return [...context.store.checkRuns.values()].filter((run) => run.suiteId === suite.id);
}

/** `check_run` as REST shows it, with the open pull requests on its commit. */
export function renderCheckRun(context: SandboxContext, repo: Repo, run: CheckRun, urls = context.urls()) {
  const pulls = openPullsWithHeadSha(repo, run.headSha).map((issue) => presentPullMinimal(urls, repo, issue));
  return presentCheckRun(urls, repo, run, pulls);
}

function ensureSuite(context: SandboxContext, repo: Repo, app: App, headSha: string): CheckSuite {
  for (const suite of context.store.checkSuites.values()) if (suite.repoId === repo.id && suite.app.id === app.id && suite.headSha === headSha) return suite;
  const now = context.clock.iso();
  const headBranch = listPulls(repo).find((issue) => issue.pull.headSha === headSha)?.pull.headRef ?? null;
  const suite: CheckSuite = { id: context.store.nextId(), repoId: repo.id, app, headSha, headBranch, status: 'queued', conclusion: null, createdAt: now, updatedAt: now };
  context.store.checkSuites.set(suite.id, suite);
  return suite;
}

function emitRunEvent(context: SandboxContext, repo: Repo, run: CheckRun, action: 'created' | 'completed', sender: Account): void {
  const urls = context.urls();
  const suite = context.store.checkSuites.get(run.suiteId);
  const pulls = pullsFor(context, repo, run.headSha);
  const checkRun = { ...presentCheckRun(urls, repo, run, pulls), check_suite: suite === undefined ? { id: run.suiteId } : presentCheckSuite(urls, repo, suite, pulls, runsOf(context, suite).length) };
  emitRepoEvent(context, repo, 'check_run', action, sender, { check_run: checkRun });
}

// The conclusion that wins when a suite's runs disagree, most severe first (GitHub's precedence).
const precedence: readonly CheckConclusion[] = ['action_required', 'cancelled', 'timed_out', 'failure', 'neutral', 'skipped', 'success'];

async function settleSuite(context: SandboxContext, repo: Repo, suite: CheckSuite, sender: Account): Promise<void> {
  const runs = runsOf(context, suite);
  const now = context.clock.iso();
  if (runs.some((run) => run.status !== 'completed')) {
    suite.status = runs.some((run) => run.status === 'in_progress') ? 'in_progress' : 'queued';
    suite.updatedAt = now;
    return;
  }
  const conclusions = runs.map((run) => run.conclusion ?? 'neutral');
  const worst = precedence.find((conclusion) => conclusions.includes(conclusion) && conclusion !== 'skipped' && conclusion !== 'neutral') ?? (conclusions.includes('neutral') ? 'neutral' : 'skipped');
  const wasCompleted = suite.status === 'completed' && suite.conclusion === worst;
  Object.assign(suite, { status: 'completed', conclusion: worst === 'skipped' ? 'neutral' : worst, updatedAt: now });
  if (wasCompleted) return;
  const urls = context.urls();
  const [head] = await readCommits(repo.gitDir, [suite.headSha]);
  emitRepoEvent(context, repo, 'check_suite', 'completed', sender, {
    check_suite: { ...presentCheckSuite(urls, repo, suite, pullsFor(context, repo, suite.headSha), runs.length), head_commit: head === undefined ? null : presentSimpleCommit(head) },
  });
}

export type CheckRunInput = {
  name?: string;
  status?: CheckStatus;
  conclusion?: CheckConclusion;
  detailsUrl?: string | null;
  externalId?: string;
  startedAt?: string;
  completedAt?: string;
  output?: Partial<CheckOutput>;
};

/** Creates a check run for an app (its suite is created on first use); sends `check_run.created`. */
export async function createCheckRun(context: SandboxContext, repo: Repo, app: App, headSha: string, input: CheckRunInput & { name: string }): Promise<CheckRun> {
  const suite = ensureSuite(context, repo, app, headSha);
  const now = context.clock.iso();
  const status = input.conclusion !== undefined ? 'completed' : (input.status ?? 'queued');
  const run: CheckRun = {
    id: context.store.nextId(),
    repoId: repo.id,
    suiteId: suite.id,
    app,
    headSha,
    name: input.name,
    status,
    conclusion: status === 'completed' ? (input.conclusion ?? 'neutral') : null,
    startedAt: input.startedAt ?? now,
    completedAt: status === 'completed' ? (input.completedAt ?? now) : null,
    externalId: input.externalId ?? '',
    detailsUrl: input.detailsUrl ?? null,
    output: { title: input.output?.title ?? null, summary: input.output?.summary ?? null, text: input.output?.text ?? null },
  };
  context.store.checkRuns.set(run.id, run);
  emitRunEvent(context, repo, run, 'created', app.bot);
  await settleSuite(context, repo, suite, app.bot);
  if (run.status === 'completed') scheduleAutoMerge(context, repo, headSha);
  return run;
}

/** Updates a check run; the move to `completed` sends `check_run.completed` (and settles its suite). */
export async function updateCheckRun(context: SandboxContext, repo: Repo, run: CheckRun, input: CheckRunInput): Promise<void> {
  const wasCompleted = run.status === 'completed';
  if (input.name !== undefined) run.name = input.name;
  if (input.detailsUrl !== undefined) run.detailsUrl = input.detailsUrl;
  if (input.externalId !== undefined) run.externalId = input.externalId;
  if (input.startedAt !== undefined) run.startedAt = input.startedAt;
  if (input.output !== undefined) run.output = { ...run.output, ...input.output };
  if (input.conclusion !== undefined) {
    run.status = 'completed';
    run.conclusion = input.conclusion;
  } else if (input.status !== undefined) {
    run.status = input.status;
  }
  if (run.status === 'completed' && run.conclusion === null) run.conclusion = 'neutral';
  if (run.status === 'completed' && !wasCompleted) {
    run.completedAt = input.completedAt ?? context.clock.iso();
    emitRunEvent(context, repo, run, 'completed', run.app.bot);
    scheduleAutoMerge(context, repo, run.headSha);
  }
  const suite = context.store.checkSuites.get(run.suiteId);
  if (suite !== undefined) await settleSuite(context, repo, suite, run.app.bot);
}
