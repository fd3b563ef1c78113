/** A fault the sandbox can answer a REST request with instead of serving it. */
export type FaultKind = 'server-error' | 'secondary-rate-limit';

/** Settings for injected faults; rates are shares of REST requests (0–1), drawn from a seeded generator. */
export type FaultSettings = {
  serverErrorRate?: number;
  secondaryRateLimitRate?: number;
  /** Added to every REST response: a fixed delay, or a [min, max] range. */
  latencyMs?: number | readonly [number, number];
  /** The `retry-after` a secondary rate limit carries (seconds; default 1). */
  retryAfterSeconds?: number;
  /** Seed for the generator, so a run with faults repeats exactly (default 1). */
  seed?: number;
  /** Only requests to these operationIds are faulted (default: every REST request). */
  operations?: readonly string[];
};

/** Test control over faults. */
export type FaultControls = {
  set(settings: FaultSettings): void;
  clear(): void;
  /** The next `count` matching requests fail with `kind`, before any random draw. */
  failNext(kind: FaultKind, count?: number): void;
};

export type FaultDecision = { kind: FaultKind | undefined; latencyMs: number; retryAfterSeconds: number };

export type FaultInjector = FaultControls & { decide(operationId: string): FaultDecision };

/** mulberry32: small, fast and good enough to make fault sequences repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaultInjector(): FaultInjector {
  let settings: FaultSettings = {};
  let random = seededRandom(1);
  const scripted: FaultKind[] = [];
  return {
    set(next) {
      settings = { ...next };
      random = seededRandom(next.seed ?? 1);
    },
    clear() {
      settings = {};
      scripted.length = 0;
    },
    failNext(kind, count = 1) {
      for (let index = 0; index < count; index += 1) scripted.push(kind);
    },
    decide(operationId) {
      const applies = settings.operations === undefined || settings.operations.includes(operationId);
      const latency = settings.latencyMs;
      const latencyMs = !applies || latency === undefined ? 0 : typeof latency === 'number' ? latency : latency[0] + Math.floor(random() * (latency[1] - latency[0] + 1));
      const retryAfterSeconds = settings.retryAfterSeconds ?? 1;
      if (!applies) return { kind: undefined, latencyMs, retryAfterSeconds };
      const next = scripted.shift();
      if (next !== undefined) return { kind: next, latencyMs, retryAfterSeconds };
      const draw = random();
      const serverErrors = settings.serverErrorRate ?? 0;
      if (draw < serverErrors) return { kind: 'server-error', latencyMs, retryAfterSeconds };
      if (draw < serverErrors + (settings.secondaryRateLimitRate ?? 0)) return { kind: 'secondary-rate-limit', latencyMs, retryAfterSeconds };
      return { kind: undefined, latencyMs, retryAfterSeconds };
    },
  };
}
