/** Stable codes for the queue's failures. */
export type QueueErrorCode = 'invalid-job-data' | 'job-timed-out' | 'queue-stopped' | 'queue-not-started';

/** Raised by the queue; match on `code`. */
export class QueueError extends Error {
  override readonly name = 'QueueError';
  readonly code: QueueErrorCode;

  constructor(code: QueueErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
