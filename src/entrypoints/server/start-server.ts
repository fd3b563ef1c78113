import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware } from 'probot';
import type { ApplicationFunction, Probot } from 'probot';
import type { Db } from '../../adapters/store/index.js';

/** Where GitHub delivers webhooks (Probot's default path). */
export const webhooksPath = '/api/github/webhooks';

export type RunningServer = { server: Server; url: string; close(): Promise<void> };

/**
 * The HTTP side of the app: signed webhooks (Probot verifies `X-Hub-Signature-256` and answers
 * 400 to a bad one) and `/healthz`, which checks the database too.
 */
export async function startServer(input: { probot: Probot; app: ApplicationFunction; db: Db; host: string; port: number }): Promise<RunningServer> {
  const middleware = await createNodeMiddleware(input.app, { probot: input.probot, webhooksPath });
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz') {
      input.db.query('SELECT 1').then(
        () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
        () => response.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"database unavailable"}'),
      );
      return;
    }
    void middleware(request, response, () => {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(input.port, input.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = input.host === '0.0.0.0' ? '127.0.0.1' : input.host;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
