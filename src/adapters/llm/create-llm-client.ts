import OpenAI from 'openai';
import { z } from 'zod';
import type { LlmClient, LlmCompletion, LlmRequest } from '../../core/llm-patch/index.js';
import { estimateUsage } from '../../core/llm-patch/index.js';
import { LlmError } from './llm-error.js';

/** Where the model is: `config.llm` of the app (LLM_BASE_URL, LLM_API_KEY, LLM_MODEL). */
export type LlmSettings = { baseUrl: string; apiKey?: string; model: string };

export type LlmClientOptions = {
  /** Per attempt, in milliseconds; timeouts are retried like 5xx. */
  timeoutMs?: number;
  /** Retries on 408, 409, 429 and 5xx, with exponential backoff that honours `retry-after`. */
  maxRetries?: number;
  /** Sampling temperature; left to the endpoint when unset (some models accept only their default). */
  temperature?: number;
};

// The fields we read from a completion; the SDK types the response but does not validate it.
const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }), finish_reason: z.string().nullable().optional() })).min(1),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() }).nullable().optional(),
});

function toLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof OpenAI.APIUserAbortError) return new LlmError('aborted', 'the LLM call was cancelled');
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new LlmError('timeout', 'the LLM endpoint did not answer in time');
  if (error instanceof OpenAI.APIConnectionError) return new LlmError('unavailable', `the LLM endpoint could not be reached: ${error.message}`);
  if (error instanceof OpenAI.RateLimitError) return new LlmError('rate-limited', 'the LLM endpoint kept answering 429 (rate limited)', 429);
  if (error instanceof OpenAI.APIError) {
    const status = error.status;
    if (status !== undefined && status >= 500) return new LlmError('unavailable', `the LLM endpoint kept failing (HTTP ${status})`, status);
    return new LlmError('refused', `the LLM endpoint refused the request (HTTP ${status ?? '?'}): ${error.message.slice(0, 300)}`, status);
  }
  return new LlmError('bad-response', error instanceof Error ? error.message : String(error));
}

/**
 * The LLM port over the official `openai` SDK against any OpenAI-compatible endpoint: chat
 * completions in JSON mode, a timeout per attempt, the SDK's retries with backoff on 429/5xx, and
 * the usage of every call (counted from the text when the endpoint reports none). Nothing is read
 * from the environment: an endpoint without a key gets no Authorization header at all.
 */
export function createLlmClient(settings: LlmSettings, options: LlmClientOptions = {}): LlmClient {
  const client = new OpenAI({
    baseURL: settings.baseUrl,
    // The SDK insists on a key; with none configured, the header is removed below instead.
    apiKey: settings.apiKey ?? 'unused',
    ...(settings.apiKey === undefined ? { defaultHeaders: { Authorization: null } } : {}),
    timeout: options.timeoutMs ?? 120_000,
    maxRetries: options.maxRetries ?? 3,
    logLevel: 'off',
  });
  return {
    model: settings.model,
    async complete(request: LlmRequest, signal?: AbortSignal): Promise<LlmCompletion> {
      let raw: unknown;
      try {
        raw = await client.chat.completions.create(
          {
            model: settings.model,
            messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
            max_tokens: request.maxTokens,
            ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
            ...(request.json ? { response_format: { type: 'json_object' as const } } : {}),
          },
          signal === undefined ? {} : { signal },
        );
      } catch (error) {
        throw toLlmError(error);
      }
      const parsed = completionSchema.safeParse(raw);
      if (!parsed.success) throw new LlmError('bad-response', `the LLM endpoint answered something that is not a chat completion: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const [choice] = parsed.data.choices;
      const text = choice?.message.content ?? '';
      const usage = parsed.data.usage == null ? estimateUsage(request.messages, text) : { promptTokens: parsed.data.usage.prompt_tokens, completionTokens: parsed.data.usage.completion_tokens };
      return { text, usage, finishReason: choice?.finish_reason ?? 'unknown' };
    },
  };
}
