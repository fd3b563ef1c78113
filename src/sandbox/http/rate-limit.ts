/** One principal's budget in the current window, as the `x-ratelimit-*` headers report it. */
export type RateWindow = { limit: number; remaining: number; used: number; reset: number; resource: 'core' };

export type RateLimiter = {
  /** Counts one request against `key` (GitHub counts per installation, per user, or per address). */
  consume(key: string, limit: number, nowMs: number): RateWindow;
  peek(key: string, limit: number, nowMs: number): RateWindow;
};

const windowMs = 60 * 60 * 1000;

export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, { used: number; resetMs: number }>();
  function current(key: string, nowMs: number) {
    let window = windows.get(key);
    if (window === undefined || window.resetMs <= nowMs) {
      window = { used: 0, resetMs: nowMs + windowMs };
      windows.set(key, window);
    }
    return window;
  }
  function view(window: { used: number; resetMs: number }, limit: number): RateWindow {
    return { limit, used: window.used, remaining: Math.max(0, limit - window.used), reset: Math.floor(window.resetMs / 1000), resource: 'core' };
  }
  return {
    consume(key, limit, nowMs) {
      const window = current(key, nowMs);
      window.used += 1;
      return view(window, limit);
    },
    peek: (key, limit, nowMs) => view(current(key, nowMs), limit),
  };
}

/** The `x-ratelimit-*` response headers. */
export function rateLimitHeaders(window: RateWindow): Record<string, string> {
  return {
    'x-ratelimit-limit': String(window.limit),
    'x-ratelimit-remaining': String(window.remaining),
    'x-ratelimit-reset': String(window.reset),
    'x-ratelimit-used': String(window.used),
    'x-ratelimit-resource': window.resource,
  };
}
