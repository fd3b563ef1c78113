/** Why a call to the LLM endpoint failed, after the client's own retries. */
export type LlmErrorCode = 'timeout' | 'rate-limited' | 'unavailable' | 'refused' | 'bad-response' | 'aborted';

/** A failed LLM call; `code` is stable, the message is for logs and never holds the API key. */
export class LlmError extends Error {
  override readonly name = 'LlmError';
  readonly code: LlmErrorCode;
  readonly status: number | undefined;

  constructor(code: LlmErrorCode, message: string, status?: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}
