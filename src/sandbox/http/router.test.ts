import { describe, expect, it } from 'vitest';
import type { Route } from './route.js';
import { compileRoutes, matchRoute } from './router.js';

const handle: Route['handle'] = () => ({ status: 200 });
const routes = compileRoutes([
  { method: 'GET', path: '/repos/{owner}/{repo}/issues/{issue_number}', operationId: 'issues/get', auth: 'token', handle },
  { method: 'GET', path: '/repos/{owner}/{repo}/issues/comments/{comment_id}', operationId: 'issues/get-comment', auth: 'token', handle },
  { method: 'GET', path: '/repos/{owner}/{repo}/contents/{path}', operationId: 'repos/get-content', multiSegment: ['path'], auth: 'token', handle },
  { method: 'GET', path: '/repos/{owner}/{repo}/commits/{ref}', operationId: 'repos/get-commit', multiSegment: ['ref'], auth: 'token', handle },
  { method: 'GET', path: '/repos/{owner}/{repo}/commits/{ref}/check-runs', operationId: 'checks/list-for-ref', multiSegment: ['ref'], auth: 'token', handle },
]);

describe('matchRoute', () => {
  it.each([
    ['/repos/acme/web/contents/src/a.ts', 'repos/get-content', { path: 'src/a.ts' }],
    ['/repos/acme/web/contents/src%2Fa.ts', 'repos/get-content', { path: 'src/a.ts' }],
    ['/repos/acme/web/contents/', 'repos/get-content', { path: '' }],
    ['/repos/acme/web/contents', 'repos/get-content', { path: '' }],
    ['/repos/acme/web/commits/feature/x/check-runs', 'checks/list-for-ref', { ref: 'feature/x' }],
    ['/repos/acme/web/commits/feature%2Fx/check-runs', 'checks/list-for-ref', { ref: 'feature/x' }],
    ['/repos/acme/web/commits/feature/x', 'repos/get-commit', { ref: 'feature/x' }],
    ['/repos/acme/web/issues/comments/7', 'issues/get-comment', { comment_id: '7' }],
    ['/repos/acme/web/issues/7/', 'issues/get', { issue_number: '7' }],
    ['/repos/acme/web%2Dapp/issues/7', 'issues/get', { repo: 'web-app' }],
  ])('routes %s to %s', (path, operationId, params) => {
    const match = matchRoute(routes, 'GET', path);
    expect(match?.route.operationId).toBe(operationId);
    expect(match?.params).toMatchObject(params);
  });

  it.each([
    ['POST', '/repos/acme/web/issues/7'],
    ['GET', '/repos/acme/web/issues'],
    ['GET', '/repos/acme/web/contents/%E0%A4%A'],
  ])('matches nothing for %s %s', (method, path) => {
    expect(matchRoute(routes, method, path)).toBeUndefined();
  });
});
