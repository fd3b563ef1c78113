/** The sandbox's notion of now: an injected source plus an offset tests can advance (to expire tokens). */
export type SandboxClock = { now(): number; iso(): string; advance(ms: number): void };

/** A clock over `source` (default: the real time). */
export function createClock(source: () => number = Date.now): SandboxClock {
  let offset = 0;
  const now = (): number => source() + offset;
  return {
    now,
    // GitHub timestamps have second precision.
    iso: () => new Date(Math.floor(now() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    advance: (ms: number) => {
      offset += ms;
    },
  };
}
