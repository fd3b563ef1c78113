import type { KeyObject } from 'node:crypto';
import type { SandboxClock } from './clock.js';
import type { FaultInjector } from './http/faults.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { RequestLog } from './http/request-log.js';
import type { Urls } from './present/urls.js';
import type { Store } from './state/store.js';
import type { App, Installation, Repo } from './state/types.js';
import type { KeyedLock, TaskTracker } from './tasks.js';
import type { SandboxValidator, Violation } from './validation.js';
import type { WebhookQueue } from './events/webhook-queue.js';

/** Starts consumer CI for a commit that became a pull request's head. */
export type CiTrigger = { headChanged(repo: Repo, sha: string, branch: string): void };

/** Everything sandbox operations share; built once per sandbox by `startSandbox`. */
export type SandboxContext = {
  store: Store;
  clock: SandboxClock;
  /** Folder holding the bare repositories (`<owner>/<repo>.git`). */
  reposRoot: string;
  /** Links for webhook payloads and background work (REST requests use their own base). */
  urls(): Urls;
  app: App;
  ciApp: App;
  publicKey: KeyObject;
  webhookSecret: string;
  tokenTtlMs: number;
  tasks: TaskTracker;
  repoLock: KeyedLock;
  webhooks: WebhookQueue;
  ci: CiTrigger;
  validator: SandboxValidator | undefined;
  violations: Violation[];
  requestLog: RequestLog;
  faults: FaultInjector;
  rateLimits: RateLimiter;
};

/** The installation of our app that covers `repo`, if any (webhooks and tokens follow it). */
export function findInstallationFor(context: SandboxContext, repo: Repo): Installation | undefined {
  for (const installation of context.store.installations.values()) {
    if (installation.app.id !== context.app.id || installation.account.id !== repo.owner.id) continue;
    if (installation.selection === 'all' || installation.repoIds.has(repo.id)) return installation;
  }
  return undefined;
}
