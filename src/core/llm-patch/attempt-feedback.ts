/** Where an attempt was stopped: the order in which its reply is checked. */
export type RejectionStage = 'parse' | 'guardrails' | 'scope' | 'reparse' | 'typecheck' | 'resolution' | 'judge' | 'verify-command';

/** Why one attempt was rejected, fed back into the next (Airbnb's retry loop with the errors). */
export type AttemptFeedback = {
  attempt: number;
  stage: RejectionStage;
  reasons: string[];
  /** Output of the consumer's tools (its verify command): shown as untrusted data. */
  output?: string;
};
