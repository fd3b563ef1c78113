import type { PersonActions } from './actions/person-actions.js';
import type { CiOutcome } from './ci/ci-runner.js';
import type { Delivery } from './events/webhook-queue.js';
import type { FaultControls } from './http/faults.js';
import type { LoggedRequest } from './http/request-log.js';
import type { SeedRepo } from './seed/seed-config.js';
import type { Permissions } from './state/types.js';
import type { SandboxValidator, Violation } from './validation.js';

/** What to seed: a folder (`<dir>/<owner>/<repo>/…` plus optional `<repo>.sandbox.json`) and/or explicit repositories. */
export type SeedInput = { dir?: string; repos?: readonly SeedRepo[]; /** Fixed commit dates, so seed SHAs repeat across runs. */ reproducible?: boolean };

/** Options for `startSandbox`; every one has a default suited to tests. */
export type StartSandboxOptions = {
  /** The organization the app is installed on from the start (default `acme`). */
  org?: string;
  /** Loopback by default; port 0 picks a free port (tests run in parallel). */
  host?: string;
  port?: number;
  seed?: SeedInput;
  /** Where webhooks go (settable later with `setWebhookTarget`); without one they are logged, not sent. */
  webhookUrl?: string;
  /** The fidelity check; tests pass `createOpenApiValidator()`. */
  validator?: SandboxValidator;
  /** The time source (ms since epoch); `advanceClock` moves it further. */
  now?: () => number;
  appId?: number;
  appSlug?: string;
  /** PEM private key for the app (default: a fresh RSA key). */
  privateKey?: string;
  webhookSecret?: string;
  /** The app's permissions (default: what downstream needs: contents, pull requests, issues, checks and statuses write). */
  permissions?: Permissions;
  /** Webhook events the app subscribes to. */
  events?: readonly string[];
  /** Installation token lifetime (default one hour, as GitHub). */
  tokenTtlMs?: number;
  /** Requests per hour per installation (default 5,000). */
  rateLimit?: number;
  ci?: { enabled?: boolean; timeoutMs?: number };
  /** How long a webhook receiver may take before the delivery counts as failed (default 10 s, as GitHub). */
  webhookTimeoutMs?: number;
};

/** Per-repository CI controls. */
export type CiControls = {
  /** Turns consumer CI on or off for one repository. */
  setEnabled(input: { owner: string; repo: string; enabled: boolean }): void;
  /** Skips the script and publishes this result (undefined: run the script again). */
  force(input: { owner: string; repo: string; result: 'success' | 'failure' | undefined }): void;
  /** Runs CI for a commit now (again, if it already ran). */
  run(input: { owner: string; repo: string; sha: string }): void;
  /** Results published so far, oldest first. */
  outcomes(): readonly CiOutcome[];
};

/** A running sandbox. Person actions (`comment`, `pushFiles`, `merge`, …) act through the same code paths as REST. */
export type Sandbox = PersonActions & {
  /** REST base URL (`http://127.0.0.1:<port>`); REST is also served under `/api/v3`. */
  url: string;
  /** `url` + `/api/v3`: Probot's GHE base (`GHE_HOST` = `host`, `GHE_PROTOCOL=http`). */
  enterpriseUrl: string;
  /** `127.0.0.1:<port>`. */
  host: string;
  /** Clone URL of a repository; with a token, it carries `x-access-token:<token>` credentials. */
  gitUrl(owner: string, repo: string, token?: string): string;
  appId: number;
  appSlug: string;
  /** The app's private key (PEM, PKCS#1 as GitHub issues them). */
  privateKey: string;
  webhookSecret: string;
  /** The installation on the initial organization. */
  installationId: number;
  installationIdFor(owner: string): number | undefined;
  setWebhookTarget(url: string | undefined): void;
  seed(input: SeedInput): Promise<void>;
  /** A personal token for `login` (REST and git as that person). */
  userToken(login: string): string;
  /** An installation token issued directly (tests that do not exercise the JWT exchange). */
  installationToken(options?: { installationId?: number; repositories?: readonly string[] }): string;
  ci: CiControls;
  faults: FaultControls;
  advanceClock(ms: number): void;
  requests(): readonly LoggedRequest[];
  deliveries(): readonly Delivery[];
  /** Sends a logged delivery again (same `X-GitHub-Delivery`), as GitHub's redeliver button. */
  redeliver(id: number | string): Delivery;
  /** Fidelity violations recorded so far (a test fails on any). */
  violations(): readonly Violation[];
  /** Resolves when no delivery, CI run or background computation is pending; rejects if one failed. */
  waitForIdle(): Promise<void>;
  close(): Promise<void>;
};
