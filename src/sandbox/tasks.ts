/** Background work the sandbox owns (webhook deliveries, CI runs, mergeability), so tests can wait for quiet. */
export type TaskTracker = {
  /** Runs `work` in the background; a failure is kept for `idle()` to report. */
  track(label: string, work: () => Promise<unknown>): void;
  /** Resolves when nothing is pending (work started by work included); rejects with failures since the last call. */
  idle(): Promise<void>;
  pending(): number;
};

/** A background task that threw: a sandbox defect, reported by `waitForIdle()`. */
export class SandboxTaskError extends Error {
  readonly code = 'SANDBOX_TASK_FAILED';
  constructor(readonly failures: readonly { label: string; error: unknown }[]) {
    super(`sandbox background work failed: ${failures.map((failure) => `${failure.label}: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`).join('; ')}`);
    this.name = 'SandboxTaskError';
  }
}

export function createTaskTracker(): TaskTracker {
  const running = new Set<Promise<unknown>>();
  let failures: { label: string; error: unknown }[] = [];
  return {
    track(label, work) {
      const promise = Promise.resolve()
        .then(work)
        .catch((error: unknown) => {
          failures.push({ label, error });
        })
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
      if (failures.length === 0) return;
      const reported = failures;
      failures = [];
      throw new SandboxTaskError(reported);
    },
    pending: () => running.size,
  };
}

/** Serializes work per key (one repository's refs change one writer at a time). */
export type KeyedLock = { run<T>(key: string, work: () => Promise<T>): Promise<T> };

export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, work) {
      const previous = tails.get(key) ?? Promise.resolve();
      const next = previous.then(work, work);
      const tail = next.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return next;
    },
  };
}
