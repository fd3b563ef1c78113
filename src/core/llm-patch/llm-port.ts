/** One message of a chat-completions conversation. */
export type LlmMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/** Why a call is made; usage is recorded under it. */
export type LlmPurpose = 'patch' | 'judge' | 'repair';

/** A completion request. `json`: ask the endpoint for a JSON object (the reply is validated regardless). */
export type LlmRequest = { purpose: LlmPurpose; messages: readonly LlmMessage[]; maxTokens: number; json: boolean };

/** Tokens one call spent. `estimated`: the endpoint reported none, so they were counted from the text. */
export type LlmUsage = { promptTokens: number; completionTokens: number; estimated?: boolean };

/** What the model answered: raw text, never trusted until parsed. */
export type LlmCompletion = { text: string; usage: LlmUsage; finishReason: string };

/**
 * The port the LLM workflows depend on (DESIGN §2: adapters implement ports): any
 * OpenAI-compatible endpoint behind `src/adapters/llm`, or the scripted server in tests.
 */
export type LlmClient = {
  /** The model name, for logs and the PR body. */
  model: string;
  complete(request: LlmRequest, signal?: AbortSignal): Promise<LlmCompletion>;
};
