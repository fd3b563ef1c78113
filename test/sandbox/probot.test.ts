import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { Probot, createNodeMiddleware } from 'probot';
import type { ApplicationFunction } from 'probot';
import { afterAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import { octokitWith, useSandbox } from '../helpers/sandbox.js';

const owner = 'acme';
const repo = 'web';

// A tiny app in the shape downstream's will have: acknowledge a command, then answer it.
const pingApp: ApplicationFunction = (app) => {
  app.on('issue_comment.created', async (context) => {
    if (context.isBot || !context.payload.comment.body.startsWith('/ping')) return;
    await context.octokit.rest.reactions.createForIssueComment(context.repo({ comment_id: context.payload.comment.id, content: 'eyes' }));
    await context.octokit.rest.issues.createComment(context.issue({ body: `pong, @${context.payload.sender.login}` }));
  });
};

async function serveProbot(sandbox: Sandbox, secret: string, baseUrl: string): Promise<{ server: Server; url: string }> {
  const probot = new Probot({ appId: sandbox.appId, privateKey: sandbox.privateKey, secret, baseUrl, logLevel: 'fatal' });
  const middleware = await createNodeMiddleware(pingApp, { probot });
  const server = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/api/github/webhooks` };
}

describe('a Probot app against the sandbox', () => {
  const env = useSandbox({ seed: { repos: [{ owner, name: repo, files: { 'a.txt': 'a\n' }, collaborators: { alice: 'write' } }] } });
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('receives a signed issue_comment webhook and replies through the sandbox REST (GHE base /api/v3)', async () => {
    const { server, url } = await serveProbot(env.sandbox, env.sandbox.webhookSecret, env.sandbox.enterpriseUrl);
    servers.push(server);
    env.sandbox.setWebhookTarget(url);
    const { number } = await env.sandbox.openIssue({ owner, repo, title: 'Talk to the bot', as: 'alice' });
    const { id } = await env.sandbox.comment({ owner, repo, number, body: '/ping', as: 'alice' });
    await env.sandbox.waitForIdle();

    const octokit = octokitWith(env.sandbox, env.sandbox.installationToken());
    const { data: comments } = await octokit.rest.issues.listComments({ owner, repo, issue_number: number });
    expect(comments.map((comment) => `${comment.user?.login ?? ''}: ${comment.body ?? ''}`)).toEqual(['alice: /ping', 'downstream[bot]: pong, @alice']);
    expect((await octokit.rest.issues.getComment({ owner, repo, comment_id: id })).data.reactions).toMatchObject({ eyes: 1 });
    const commentDelivery = env.sandbox.deliveries().find((delivery) => delivery.event === 'issue_comment' && delivery.action === 'created');
    expect(commentDelivery).toMatchObject({ status: 'delivered', statusCode: 200 });
    // Probot authenticated as the app (JWT), then as the installation.
    const auth = env.sandbox.requests().filter((request) => request.operationId === 'apps/create-installation-access-token');
    expect(auth.at(-1)).toMatchObject({ principal: 'app:100', status: 201 });
    expect(env.sandbox.requests().filter((request) => request.operationId === 'issues/create-comment').at(-1)).toMatchObject({ principal: `installation:${env.sandbox.installationId}`, status: 201 });
  });

  it('is refused by an app that holds another webhook secret', async () => {
    const { server, url } = await serveProbot(env.sandbox, 'not-the-sandbox-secret', env.sandbox.url);
    servers.push(server);
    env.sandbox.setWebhookTarget(url);
    const { number } = await env.sandbox.openIssue({ owner, repo, title: 'Forged?', as: 'alice' });
    await env.sandbox.comment({ owner, repo, number, body: '/ping', as: 'alice' });
    await env.sandbox.waitForIdle();
    const delivery = env.sandbox.deliveries().at(-1);
    expect(delivery).toMatchObject({ event: 'issue_comment', status: 'failed', statusCode: 400 });
    const { data: comments } = await octokitWith(env.sandbox, env.sandbox.installationToken()).rest.issues.listComments({ owner, repo, issue_number: number });
    expect(comments).toHaveLength(1);
  });
});
