import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readChildProcessEnv } from '../../config/index.js';
import type { CiTrigger, SandboxContext } from '../context.js';
import { findFileAt, runGit } from '../git/index.js';
import { createCheckRun, updateCheckRun } from '../ops/checks.js';
import { createStatus } from '../ops/statuses.js';
import type { CheckConclusion, Repo } from '../state/types.js';
import type { CommandResult } from './run-command.js';
import { runShellScript } from './run-command.js';

/** The file in a consumer repository that holds its CI script (run with `sh -e`). */
export const ciFile = '.sandbox-ci';
export const ciCheckName = 'sandbox-ci';
export const ciStatusContext = 'sandbox/ci';

export type CiOptions = {
  /** Off: no repository gets CI (per-repository switches live on each repository). */
  enabled: boolean;
  timeoutMs: number;
  /** Put first on the script's PATH (this project's `node_modules/.bin`, so `tsc` is ours). */
  binDirs: readonly string[];
  /** Linked as the checkout's `node_modules` when it has none, standing in for an install. */
  nodeModules: string | undefined;
};

/** The outcome of one CI run, as published. */
export type CiOutcome = { repo: string; sha: string; conclusion: CheckConclusion; summary: string; output: string };

export type CiRunner = CiTrigger & {
  /** Runs CI for a commit again (or for the first time), regardless of what ran before. */
  rerun(repo: Repo, sha: string): void;
  outcomes(): readonly CiOutcome[];
};

async function runInWorktree(repo: Repo, sha: string, script: string, options: CiOptions): Promise<CommandResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sandbox-ci-'));
  const checkout = path.join(dir, 'checkout');
  try {
    await runGit(repo.gitDir, ['worktree', 'add', '--detach', '--quiet', checkout, sha]);
    if (options.nodeModules !== undefined && !existsSync(path.join(checkout, 'node_modules'))) await symlink(options.nodeModules, path.join(checkout, 'node_modules'), 'dir');
    const inherited = readChildProcessEnv();
    const env = { ...inherited, CI: 'true', PATH: [...options.binDirs, inherited.PATH ?? ''].join(path.delimiter), npm_config_update_notifier: 'false' };
    return await runShellScript(script, { cwd: checkout, env, timeoutMs: options.timeoutMs });
  } finally {
    await runGit(repo.gitDir, ['worktree', 'remove', '--force', checkout]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    await runGit(repo.gitDir, ['worktree', 'prune']).catch(() => undefined);
  }
}

function summarize(result: CommandResult, timeoutMs: number): { conclusion: CheckConclusion; summary: string } {
  const seconds = (result.durationMs / 1000).toFixed(1);
  if (result.timedOut) return { conclusion: 'timed_out', summary: `timed out after ${Math.round(timeoutMs / 1000)} s` };
  if (result.exitCode === 0) return { conclusion: 'success', summary: `passed in ${seconds} s` };
  return { conclusion: 'failure', summary: `failed with exit code ${result.exitCode ?? 'none'} after ${seconds} s` };
}

/**
 * Consumer CI: when a pull request's head changes, runs the repository's `.sandbox-ci` script in a
 * temporary worktree and publishes a `sandbox-ci` check run and a `sandbox/ci` status as a separate
 * CI app, with their webhooks. Two runs at a time (as many as the machine has cores); each commit runs once.
 */
export function createCiRunner(context: SandboxContext, options: CiOptions): CiRunner {
  const started = new Set<string>();
  const outcomes: CiOutcome[] = [];
  // Two lanes: a CI run is mostly one tsc process, and the machine has two cores.
  const lanes: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  let nextLane = 0;

  async function run(repo: Repo, sha: string): Promise<void> {
    const script = await findFileAt(repo.gitDir, sha, ciFile);
    if (script === undefined && repo.ci.forced === undefined) return;
    const app = context.ciApp;
    const checkRun = await createCheckRun(context, repo, app, sha, { name: ciCheckName, status: 'queued', externalId: sha });
    await createStatus(context, repo, sha, { state: 'pending', context: ciStatusContext, description: 'running', targetUrl: null, creator: app.bot });
    await updateCheckRun(context, repo, checkRun, { status: 'in_progress' });
    const forced = repo.ci.forced;
    const result = forced !== undefined ? { conclusion: forced, summary: `${forced} (forced by a test control)`, output: '' } : await execute(repo, sha, script?.toString('utf8') ?? '');
    outcomes.push({ repo: `${repo.owner.login}/${repo.name}`, sha, ...result });
    await updateCheckRun(context, repo, checkRun, {
      conclusion: result.conclusion,
      output: { title: `${ciCheckName} ${result.conclusion === 'success' ? 'passed' : result.conclusion}`, summary: result.summary, text: result.output === '' ? '' : `\`\`\`\n${result.output.slice(-60_000)}\n\`\`\`` },
    });
    await createStatus(context, repo, sha, { state: result.conclusion === 'success' ? 'success' : 'failure', context: ciStatusContext, description: result.summary.slice(0, 140), targetUrl: null, creator: app.bot });
  }

  async function execute(repo: Repo, sha: string, script: string): Promise<{ conclusion: CheckConclusion; summary: string; output: string }> {
    const result = await runInWorktree(repo, sha, script, options);
    return { ...summarize(result, options.timeoutMs), output: result.output };
  }

  function enqueue(repo: Repo, sha: string): void {
    const lane = nextLane;
    nextLane = (nextLane + 1) % lanes.length;
    const next = (lanes[lane] ?? Promise.resolve()).then(() => run(repo, sha));
    lanes[lane] = next.catch(() => undefined);
    context.tasks.track(`ci ${repo.name}@${sha.slice(0, 7)}`, () => next);
  }

  return {
    headChanged(repo, sha) {
      if (!options.enabled || !repo.ci.enabled) return;
      const key = `${repo.id}:${sha}`;
      if (started.has(key)) return;
      started.add(key);
      enqueue(repo, sha);
    },
    rerun(repo, sha) {
      started.add(`${repo.id}:${sha}`);
      enqueue(repo, sha);
    },
    outcomes: () => [...outcomes],
  };
}
