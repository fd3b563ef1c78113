import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Principal } from '../auth/authenticate.js';
import { authenticate, canSeeRepo, describePrincipal } from '../auth/authenticate.js';
import type { SandboxContext } from '../context.js';
import { gitEnv, readRefs } from '../git/index.js';
import type { RefUpdate } from '../ops/pushes.js';
import { applyRefUpdates, zeroSha } from '../ops/pushes.js';
import { findRepo } from '../state/store.js';
import type { Account, Repo } from '../state/types.js';
import { GitHubError } from './github-error.js';

const gitPath = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/;

/** The repository and service a smart-HTTP git path names, or undefined for other paths. */
export function matchGitPath(pathname: string): { owner: string; repo: string; service: string } | undefined {
  const match = gitPath.exec(pathname);
  if (match === null) return undefined;
  return { owner: match[1] ?? '', repo: match[2] ?? '', service: match[3] ?? '' };
}

function refuse(res: ServerResponse, status: number, message: string, challenge: boolean): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...(challenge ? { 'www-authenticate': 'Basic realm="GitHub"' } : {}) });
  res.end(`${message}\n`);
}

function pushAccount(principal: Principal): Account | undefined {
  return principal.kind === 'installation' || principal.kind === 'user' ? principal.token.account : undefined;
}

function diffRefs(before: Map<string, string>, after: Map<string, string>): RefUpdate[] {
  const updates: RefUpdate[] = [];
  for (const [ref, sha] of after) if (before.get(ref) !== sha) updates.push({ ref, before: before.get(ref) ?? zeroSha, after: sha });
  for (const [ref, sha] of before) if (!after.has(ref)) updates.push({ ref, before: sha, after: zeroSha });
  return updates;
}

/** Bridges to `git http-backend` (CGI): streams the request in and the response out. */
type BackendCall = { repo: Repo; service: string; remoteUser: string; onExit: () => Promise<void> };

function runBackend(context: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL, call: BackendCall): Promise<number> {
  const { repo, service, remoteUser, onExit } = call;
  return new Promise((resolve, reject) => {
    const relative = path.relative(context.reposRoot, repo.gitDir).split(path.sep).join('/');
    const child = spawn('git', ['http-backend'], {
      env: gitEnv({
        GIT_PROJECT_ROOT: context.reposRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: `/${relative}/${service}`,
        REQUEST_METHOD: req.method ?? 'GET',
        QUERY_STRING: url.search.replace(/^\?/, ''),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length'] === undefined ? {} : { CONTENT_LENGTH: req.headers['content-length'] }),
        ...(req.headers['content-encoding'] === undefined ? {} : { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] }),
        ...(typeof req.headers['git-protocol'] === 'string' ? { GIT_PROTOCOL: req.headers['git-protocol'] } : {}),
        REMOTE_USER: remoteUser,
        REMOTE_ADDR: '127.0.0.1',
      }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let head = Buffer.alloc(0);
    let status = 200;
    let headersSent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 200;
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      headersSent = true;
      res.write(head.subarray(end + 4));
    });
    child.stderr.resume();
    // http-backend may stop reading (a refused push); the client learns that from the response.
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', () => {
      onExit()
        .then(() => {
          if (!headersSent) res.writeHead(status);
          res.end();
          resolve(status);
        })
        .catch(reject);
    });
    req.pipe(child.stdin);
  });
}

/** Serves git smart HTTP for a repository: clone, fetch (shallow, partial), push with token auth. */
export async function serveGit(context: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL, target: { owner: string; repo: string; service: string }): Promise<void> {
  const started = performance.now();
  let principal: Principal = { kind: 'anonymous' };
  let status = 500;
  try {
    try {
      principal = authenticate(context, req.headers.authorization);
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      status = 401;
      refuse(res, 401, 'Invalid username or token. Password authentication is not supported for Git operations.', true);
      return;
    }
    const pushing = target.service === 'git-receive-pack' || url.searchParams.get('service') === 'git-receive-pack';
    const repo = findRepo(context.store, target.owner, target.repo);
    const account = pushAccount(principal);
    if (repo === undefined || !canSeeRepo(principal, repo) || (pushing && account === undefined)) {
      status = principal.kind === 'anonymous' ? 401 : 404;
      refuse(res, status, status === 401 ? 'Authentication required' : 'Repository not found.', status === 401);
      return;
    }
    if (pushing && principal.kind === 'installation' && principal.token.permissions.contents !== 'write') {
      status = 403;
      refuse(res, 403, `Permission to ${repo.owner.login}/${repo.name}.git denied to ${principal.token.account.login}.`, false);
      return;
    }
    const remoteUser = account?.login ?? 'anonymous';
    if (!(pushing && req.method === 'POST') || account === undefined) {
      status = await runBackend(context, req, res, url, { repo, service: target.service, remoteUser, onExit: async () => undefined });
      return;
    }
    // A push changes refs: serialize with other writers, then emit what GitHub emits before answering.
    status = await context.repoLock.run(String(repo.id), async () => {
      const before = await readRefs(repo.gitDir);
      const onExit = async () => {
        const updates = diffRefs(before, await readRefs(repo.gitDir));
        await applyRefUpdates(context, repo, updates, account);
      };
      return runBackend(context, req, res, url, { repo, service: target.service, remoteUser, onExit });
    });
  } finally {
    context.requestLog.add({
      at: context.clock.iso(),
      kind: 'git',
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      operationId: undefined,
      principal: describePrincipal(principal),
      status,
      fault: undefined,
      durationMs: Math.round(performance.now() - started),
      requestBody: undefined,
      responseBody: undefined,
    });
  }
}
