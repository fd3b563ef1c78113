import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

/** A webhook as an app received it, with the signature checked independently of the sandbox. */
export type ReceivedWebhook = { event: string; action: string | undefined; delivery: string; signatureValid: boolean; headers: Record<string, string>; payload: Record<string, unknown> };

export type WebhookReceiver = { url: string; received: ReceivedWebhook[]; respondWith(status: number): void; close(): Promise<void> };

function checkSignature(secret: string, body: string, header: string | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const actual = Buffer.from(header ?? '');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A stand-in for an app's webhook endpoint that records what it receives. */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const parsed: unknown = JSON.parse(body);
      const payload = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.fromEntries(Object.entries(parsed)) : {};
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
      received.push({
        event: headers['x-github-event'] ?? '',
        action: typeof payload.action === 'string' ? payload.action : undefined,
        delivery: headers['x-github-delivery'] ?? '',
        signatureValid: checkSignature(secret, body, headers['x-hub-signature-256']),
        headers,
        payload,
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    respondWith: (next) => {
      status = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
