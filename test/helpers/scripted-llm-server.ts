import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** One request the server received, as the SDK sent it over HTTP. */
export type RecordedRequest = {
  scenario: string;
  messages: { role: string; content: string }[];
  maxTokens: number | undefined;
  responseFormat: unknown;
  authorization: string | undefined;
};

/** What the server answers: a completion, an HTTP error, or either after a delay. */
export type ScriptedReply =
  | { content: string; usage?: { prompt: number; completion: number }; finishReason?: string; omitUsage?: boolean }
  | { status: number; message?: string; retryAfterMs?: number }
  | { delayMs: number; then: ScriptedReply };

/** A reply, or a function of the request that makes one (to answer from the prompt's text). */
export type ScriptedStep = ScriptedReply | ((request: RecordedRequest) => ScriptedReply);

export type ScriptedLlmServer = {
  /** The base URL to give the client (`LLM_BASE_URL`), ending in `/v1`. */
  baseUrl: string;
  /** Appends replies to a scenario; the scenario is the `model` of each request. */
  script(scenario: string, steps: readonly ScriptedStep[]): void;
  requests(scenario?: string): RecordedRequest[];
  /** Replies scripted but never asked for. */
  unused(scenario: string): number;
  close(): Promise<void>;
};

const requestSchema = z.object({
  model: z.string(),
  messages: z.array(z.object({ role: z.string(), content: z.string() })),
  max_tokens: z.number().optional(),
  response_format: z.unknown().optional(),
});

function estimate(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * An OpenAI-compatible chat-completions server for tests (DESIGN §8): replays scripted replies per
 * scenario over real HTTP, so the real client and the SDK's retries run, and records every request
 * so tests can assert what a prompt held. An unscripted request gets a 400 the test will notice.
 */
export async function startScriptedLlmServer(scenarios: Record<string, readonly ScriptedStep[]> = {}): Promise<ScriptedLlmServer> {
  const queues = new Map<string, ScriptedStep[]>(Object.entries(scenarios).map(([name, steps]) => [name, [...steps]]));
  const recorded: RecordedRequest[] = [];
  let sequence = 0;

  const send = async (response: ServerResponse, request: RecordedRequest, reply: ScriptedReply): Promise<void> => {
    if ('delayMs' in reply) {
      await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (response.destroyed || response.writableEnded) return;
      return send(response, request, reply.then);
    }
    if ('status' in reply) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
      response.writeHead(reply.status, headers).end(JSON.stringify({ error: { message: reply.message ?? `scripted ${reply.status}`, type: 'scripted' } }));
      return;
    }
    sequence += 1;
    const promptTokens = reply.usage?.prompt ?? estimate(request.messages.map((message) => message.content).join(''));
    const completionTokens = reply.usage?.completion ?? estimate(reply.content);
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-scripted-${sequence}`,
        object: 'chat.completion',
        created: 1_767_225_600,
        model: request.scenario,
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: reply.finishReason ?? 'stop' }],
        ...(reply.omitUsage === true ? {} : { usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } }),
      }),
    );
  };

  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      if (incoming.method !== 'POST' || incoming.url !== '/v1/chat/completions') {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        // The SDK always sends JSON; anything else is a bug the test should see as a 400.
        body = undefined;
      }
      const parsed = requestSchema.safeParse(body);
      if (!parsed.success) {
        response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: parsed.error.message } }));
        return;
      }
      const request: RecordedRequest = {
        scenario: parsed.data.model,
        messages: parsed.data.messages,
        maxTokens: parsed.data.max_tokens,
        responseFormat: parsed.data.response_format,
        authorization: incoming.headers.authorization,
      };
      recorded.push(request);
      const step = queues.get(request.scenario)?.shift();
      if (step === undefined) {
        void send(response, request, { status: 400, message: `no scripted reply left for scenario ${request.scenario}` });
        return;
      }
      void send(response, request, typeof step === 'function' ? step(request) : step);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    script(scenario, steps) {
      queues.set(scenario, [...(queues.get(scenario) ?? []), ...steps]);
    },
    requests: (scenario) => recorded.filter((request) => scenario === undefined || request.scenario === scenario),
    unused: (scenario) => queues.get(scenario)?.length ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
