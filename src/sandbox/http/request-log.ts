/** One request the sandbox served, for tests to inspect (no credentials are kept). */
export type LoggedRequest = {
  id: number;
  at: string;
  kind: 'rest' | 'git' | 'graphql';
  method: string;
  /** The path as requested, without the `/api/v3` prefix. */
  path: string;
  operationId: string | undefined;
  principal: string;
  status: number;
  fault: 'server-error' | 'secondary-rate-limit' | undefined;
  durationMs: number;
  requestBody: unknown;
  responseBody: unknown;
};

export type RequestLog = { add(entry: Omit<LoggedRequest, 'id'>): void; list(): readonly LoggedRequest[] };

export function createRequestLog(): RequestLog {
  const entries: LoggedRequest[] = [];
  return {
    add(entry) {
      entries.push({ ...entry, id: entries.length + 1 });
    },
    list: () => [...entries],
  };
}
