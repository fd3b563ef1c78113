import type { Route, RestRequest } from '../http/route.js';
import { appRoutes } from './apps.js';
import { checkRoutes } from './checks.js';
import { commitRoutes } from './commits.js';
import { contentRoutes } from './contents.js';
import { issueRoutes } from './issues.js';
import { labelRoutes } from './labels.js';
import { pullRoutes } from './pulls.js';
import { reactionRoutes } from './reactions.js';
import { refRoutes } from './refs.js';
import { repoRoutes } from './repos.js';
import { searchRoutes } from './search.js';
import { statusRoutes } from './statuses.js';

/** Every REST operation the sandbox serves. */
export function listRestRoutes(limitFor: (request: RestRequest) => { key: string; limit: number }): readonly Route[] {
  return [...appRoutes, ...repoRoutes, ...refRoutes, ...contentRoutes, ...commitRoutes, ...pullRoutes, ...issueRoutes, ...labelRoutes, ...reactionRoutes, ...checkRoutes, ...statusRoutes, ...searchRoutes(limitFor)];
}

/** The REST operations the sandbox serves: method, GitHub's path template and operationId. */
export function describeRestOperations(): readonly { method: string; path: string; operationId: string }[] {
  return listRestRoutes(() => ({ key: '', limit: 0 })).map((route) => ({ method: route.method, path: route.path, operationId: route.operationId }));
}
