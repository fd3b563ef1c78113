import type { Logger } from 'pino';
import type { PacingLimits } from '../core/rollout/index.js';
import type { Catalog } from '../core/catalog/index.js';
import type { Transform } from '../core/codemods/index.js';
import type { LlmBudget, LlmClient } from '../core/llm-patch/index.js';
import type { CloneCache, GitIdentity } from '../adapters/git/index.js';
import type { GitHubAccess } from '../adapters/github/index.js';
import type { Queue } from '../adapters/queue/index.js';
import type { Db } from '../adapters/store/index.js';
import type { VerifyCommandResult } from '../adapters/verify/index.js';

/** The App as it appears on GitHub: commits, comments and check runs carry this identity. */
export type BotIdentity = { appSlug: string; login: string; git: GitIdentity };

/**
 * Everything a job needs, built once by the entrypoint and passed in (STYLE: no per-job state in
 * module scope). Workflows read, call core, and apply the result through these.
 */
export type WorkflowDeps = {
  db: Db;
  queue: Pick<Queue, 'send'>;
  github: GitHubAccess;
  catalog: Catalog;
  clones: CloneCache;
  transforms: readonly Transform[];
  bot: BotIdentity;
  logger: Logger;
  now(): Date;
  /** Milliseconds from a monotonic clock, for timings. */
  monotonicMs(): number;
  runVerifyCommand(input: { command: string; cwd: string; timeoutMs: number; signal?: AbortSignal }): Promise<VerifyCommandResult>;
  /** The LLM for the long tail (issue 8); undefined: codemods only, and PRs say so. */
  llm: LlmClient | undefined;
  /** Token budgets per consumer and per migration. */
  llmBudget: LlmBudget;
  /** Where people browse GitHub (`https://github.com`), for links in PR bodies. */
  githubWebUrl: string;
  /** Content-creating calls allowed per installation (a margin under GitHub's secondary limits). */
  pacing: PacingLimits;
  /** The slash commands the PR body lists: the ones this installation answers. */
  prCommands: readonly (readonly [string, string])[];
  /** How long a consumer's `verify` command may run. */
  verifyTimeoutMs: number;
};
