import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { SandboxContext } from '../context.js';
import { listRestRoutes } from '../rest/index.js';
import { compileRoutes } from './router.js';
import { rateLimitFor, serveRest } from './serve-rest.js';
import { matchGitPath, serveGit } from './serve-git.js';
import { serveGraphql } from './serve-graphql.js';

/** The sandbox's one HTTP server: git smart HTTP, GraphQL, and REST at `/` and under `/api/v3`. */
export function createSandboxServer(context: SandboxContext, options: { installationRateLimit: number }): Server {
  const routes = compileRoutes(listRestRoutes((request) => rateLimitFor(request.principal, options.installationRateLimit)));
  const serving = { routes, installationRateLimit: options.installationRateLimit };
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const git = matchGitPath(url.pathname);
    const work = git !== undefined
      ? serveGit(context, req, res, url, git)
      : url.pathname === '/graphql' || url.pathname === '/api/graphql'
        ? serveGraphql(context, req, res, url)
        : serveRest(context, serving, req, res, url);
    work.catch((error: unknown) => {
      context.violations.push({ kind: 'response', where: url.pathname, messages: [`sandbox defect: ${error instanceof Error ? error.message : String(error)}`] });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end();
    });
  });
}
