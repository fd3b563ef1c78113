import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LlmRequest } from '../../core/llm-patch/index.js';
import type { ScriptedLlmServer } from '../../../test/helpers/scripted-llm-server.js';
import { startScriptedLlmServer } from '../../../test/helpers/scripted-llm-server.js';
import { createLlmClient } from './create-llm-client.js';
import { LlmError } from './llm-error.js';

const request: LlmRequest = { purpose: 'patch', messages: [{ role: 'system', content: 'rules' }, { role: 'user', content: 'fix it' }], maxTokens: 300, json: true };

describe('the LLM client over the openai SDK', () => {
  let server: ScriptedLlmServer;
  beforeAll(async () => {
    server = await startScriptedLlmServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const client = (scenario: string, options: { apiKey?: string; timeoutMs?: number; maxRetries?: number } = {}) =>
    createLlmClient({ baseUrl: server.baseUrl, model: scenario, ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }) }, { timeoutMs: options.timeoutMs ?? 5_000, maxRetries: options.maxRetries ?? 2 });

  it('returns the text and the usage of each call, in JSON mode, with the key as a bearer token', async () => {
    server.script('ok', [{ content: '{"edits":[]}', usage: { prompt: 120, completion: 7 } }]);
    const completion = await client('ok', { apiKey: 'sk-test' }).complete(request);
    expect(completion).toEqual({ text: '{"edits":[]}', usage: { promptTokens: 120, completionTokens: 7 }, finishReason: 'stop' });
    const [sent] = server.requests('ok');
    expect(sent).toMatchObject({ maxTokens: 300, responseFormat: { type: 'json_object' }, authorization: 'Bearer sk-test', messages: request.messages });
  });

  it('sends no Authorization header when the endpoint needs no key', async () => {
    server.script('keyless', [{ content: '{}' }]);
    await client('keyless').complete({ ...request, json: false });
    expect(server.requests('keyless')[0]).toMatchObject({ authorization: undefined, responseFormat: undefined });
  });

  it.each([
    ['429', { status: 429, retryAfterMs: 5 }],
    ['503', { status: 503, retryAfterMs: 5 }],
  ] as const)('retries a %s with backoff and then succeeds', async (name, failure) => {
    const scenario = `retry-${name}`;
    server.script(scenario, [failure, failure, { content: '{"edits":[]}' }]);
    const completion = await client(scenario).complete(request);
    expect(completion.text).toBe('{"edits":[]}');
    expect(server.requests(scenario)).toHaveLength(3);
  });

  it.each([
    ['rate-limited', 429],
    ['unavailable', 500],
  ] as const)('gives up as %s after its retries', async (code, status) => {
    const scenario = `give-up-${status}`;
    server.script(scenario, [{ status, retryAfterMs: 1 }, { status, retryAfterMs: 1 }, { status, retryAfterMs: 1 }]);
    const failure = await client(scenario).complete(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LlmError);
    expect(failure).toMatchObject({ code, status });
    expect(server.requests(scenario)).toHaveLength(3);
  });

  it('does not retry a request the endpoint refuses', async () => {
    server.script('refused', [{ status: 401, message: 'bad key' }]);
    await expect(client('refused', { apiKey: 'sk-wrong' }).complete(request)).rejects.toMatchObject({ code: 'refused', status: 401 });
    expect(server.requests('refused')).toHaveLength(1);
  });

  it('times out a call that takes too long', async () => {
    server.script('slow', [{ delayMs: 2_000, then: { content: '{}' } }]);
    await expect(client('slow', { timeoutMs: 150, maxRetries: 0 }).complete(request)).rejects.toMatchObject({ code: 'timeout' });
  });

  it('counts tokens from the text when the endpoint reports no usage', async () => {
    server.script('no-usage', [{ content: '{"edits":[]}', omitUsage: true }]);
    const completion = await client('no-usage').complete(request);
    expect(completion.usage).toEqual({ promptTokens: Math.ceil('rulesfix it'.length / 4) + 16, completionTokens: 3, estimated: true });
  });
});
