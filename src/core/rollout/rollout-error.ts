/** Stable codes for the unexpected in rollout planning; callers branch on these, never on text. */
export type RolloutErrorCode = 'invalid-policy' | 'invalid-plan';

/** Bad input to the rollout core (a policy that skipped validation, a plan that does not fit its runs). */
export class RolloutError extends Error {
  readonly code: RolloutErrorCode;

  constructor(code: RolloutErrorCode, message: string) {
    super(message);
    this.name = 'RolloutError';
    this.code = code;
  }
}
