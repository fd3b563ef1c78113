import { commandSpec, decideCommandAuthorization, parseCommands, renderCommandReply } from '../../core/commands/index.js';
import type { CommandOutcome, CommandReplyEntry, ParsedCommand } from '../../core/commands/index.js';
import { addCommentReaction, createComment, readCollaboratorPermission } from '../../adapters/github/index.js';
import type { CollaboratorPermission, GitHubClient } from '../../adapters/github/index.js';
import type { JobData } from '../../adapters/queue/index.js';
import { recordEvent } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';
import { applyCampaignCommand } from './apply-campaign-command.js';
import { applyPullCommand } from './apply-pull-command.js';
import { findCommandTarget, refreshCommandTarget } from './find-command-target.js';
import type { CommandTarget } from './find-command-target.js';
import { optInRepo } from './repo-opt-out.js';

/** What one handle-command job did, for logs and tests. */
export type HandledComment = { ignored: string } | { place: CommandTarget['place']; commands: { line: string; outcome: CommandOutcome['kind'] }[] };

/** More commands than this in one comment are answered "not run": one comment must not fan out without bound. */
export const maxCommandsPerComment = 10;

type Context = { deps: WorkflowDeps; octokit: GitHubClient; job: JobData<'handle-command'>; permission: CollaboratorPermission };

async function act(context: Context, target: CommandTarget, command: Extract<ParsedCommand, { kind: 'command' }>): Promise<CommandOutcome> {
  const { deps, job } = context;
  switch (target.place) {
    case 'pull':
      return applyPullCommand(deps, { octokit: context.octokit, migration: target.migration, run: target.run, actor: job.author, commentId: job.commentId }, command);
    case 'tracking':
      return applyCampaignCommand(deps, { migration: target.migration, actor: job.author }, command);
    case 'notice':
      return command.name === 'opt-in' ? optInRepo(deps, { repo: target.run.repo, octokit: context.octokit }) : { kind: 'help' };
  }
}

async function answer(context: Context, target: CommandTarget, command: ParsedCommand): Promise<CommandOutcome> {
  if (command.kind === 'unknown') return { kind: 'unknown', word: command.word };
  if (command.kind === 'invalid') return { kind: 'invalid', problem: command.problem };
  if (!commandSpec(command.name).places.includes(target.place)) return { kind: 'wrong-place', command: command.name };
  const authorization = decideCommandAuthorization({ command: command.name, ...context.permission });
  if (authorization.kind === 'refused') return { kind: 'unauthorized', needed: authorization.needed, role: authorization.role, roleName: authorization.roleName };
  return act(context, await refreshCommandTarget(context.deps, target), command);
}

async function record(context: Context, target: CommandTarget, command: ParsedCommand, outcome: CommandOutcome): Promise<void> {
  const { deps, job, permission } = context;
  const name = command.kind === 'unknown' ? 'unknown' : command.name;
  await recordEvent(deps.db, {
    migrationId: target.migration.id,
    ...(target.place === 'tracking' ? {} : { runId: target.run.id }),
    kind: `command.${name}`,
    actor: job.author,
    payload: {
      line: command.line,
      outcome: outcome.kind,
      place: target.place,
      repo: `${job.repo.owner}/${job.repo.name}`,
      issue: job.issueNumber,
      comment: job.commentId,
      roleName: permission.roleName,
      ...(outcome.kind === 'unauthorized' ? { needed: outcome.needed, role: outcome.role } : {}),
      ...(outcome.kind === 'refused' || outcome.kind === 'not-run' ? { reason: outcome.reason } : {}),
      ...(command.kind === 'command' && command.reason !== undefined ? { reason: command.reason } : {}),
    },
    now: deps.now(),
  });
}

/**
 * The handle-command job (DESIGN §1, §5): a comment on a PR or issue downstream opened. Bots and
 * the app itself are never obeyed; anything not ours is ignored. Otherwise the comment gets an
 * eyes reaction, each command is authorized on the commenter's `role_name` on that repository,
 * acted on, logged with who and when, and the comment gets one reply saying what came of each.
 */
export async function handleCommand(deps: WorkflowDeps, job: JobData<'handle-command'>): Promise<HandledComment> {
  if (job.authorIsBot || job.author.toLowerCase() === deps.bot.login.toLowerCase()) return { ignored: 'comments by bots are never commands' };
  const commands = parseCommands(job.body);
  if (commands.length === 0) return { ignored: 'no command in the comment' };
  const access = await deps.github.forInstallation(job.installationId);
  const target = await findCommandTarget(deps, access.octokit, job);
  if (target === undefined) return { ignored: 'not a PR or issue downstream opened' };
  const ref = { owner: job.repo.owner, repo: job.repo.name };
  await addCommentReaction(access.octokit, { ...ref, commentId: job.commentId, content: 'eyes' });
  const permission = await readCollaboratorPermission(access.octokit, { ...ref, username: job.author });
  const context: Context = { deps, octokit: access.octokit, job, permission };
  const entries: CommandReplyEntry[] = [];
  for (const [index, command] of commands.entries()) {
    const outcome: CommandOutcome = index < maxCommandsPerComment ? await answer(context, target, command) : { kind: 'not-run', reason: `one comment runs at most ${maxCommandsPerComment} commands.` };
    await record(context, target, command, outcome);
    entries.push({ line: command.line, outcome });
  }
  await createComment(access.octokit, { ...ref, number: job.issueNumber, body: renderCommandReply({ author: job.author, repo: `${ref.owner}/${ref.repo}`, place: target.place, entries }) });
  return { place: target.place, commands: entries.map((entry) => ({ line: entry.line, outcome: entry.outcome.kind })) };
}
