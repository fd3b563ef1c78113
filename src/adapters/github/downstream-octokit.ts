import { ProbotOctokit } from 'probot';

// Attempts after the first one for a request GitHub rate-limited (primary or secondary).
const maxRateLimitRetries = 3;

type ThrottledRequest = { method: string; url: string; request: { retryCount: number } };

function retryWithin(limit: number): (retryAfter: number, options: ThrottledRequest) => boolean {
  return (_retryAfter, options) => options.request.retryCount < limit;
}

/**
 * Probot's Octokit with rate limits honoured: GitHub's `retry-after` (or reset time) is waited
 * out and the request retried a few times. Probot's own default only logs a secondary rate limit,
 * which would fail a job exactly when GitHub asks us to slow down (DESIGN §6: never bypass).
 */
export const DownstreamOctokit = ProbotOctokit.defaults((instanceOptions: { throttle?: Record<string, unknown> } & Record<string, unknown>) => ({
  ...instanceOptions,
  throttle: {
    ...instanceOptions.throttle,
    enabled: true,
    onRateLimit: retryWithin(maxRateLimitRetries),
    onSecondaryRateLimit: retryWithin(maxRateLimitRetries),
  },
}));
