/** Stable codes for the store's unexpected failures and bad input. */
export type StoreErrorCode =
  | 'data-dir-in-use'
  | 'database-unreachable'
  | 'store-migration-failed'
  | 'migration-not-found'
  | 'run-not-found'
  | 'invalid-row'
  | 'closed';

/** Raised by the store for what callers cannot handle as a value; match on `code`. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
