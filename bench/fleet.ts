// `npm run bench:fleet`: one schema change rolled out to a sandbox org of 200 small consumers.
// Prints one JSON line: consumers per minute, content-creating REST calls per opened PR (from the
// sandbox's request log), the app process's peak RSS, and webhook acknowledgement latency p50/p99
// under a burst of 200 deliveries. The app runs as its own process (`downstream serve`), as deployed.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { signWebhookBody, startSandbox } from '../src/sandbox/index.js';
import type { SeedRepo } from '../src/sandbox/index.js';

const consumerCount = Number(process.env.BENCH_CONSUMERS ?? 200);
const burst = 200;
const root = path.resolve(import.meta.dirname, '..');

const oldSchema = 'CREATE TABLE analytics.users_v1 (\n  user_id BIGINT NOT NULL,\n  user_email TEXT NOT NULL,\n  created_at TIMESTAMPTZ NOT NULL\n);\n';
const newSchema = 'CREATE TABLE analytics.users_v1 (\n  user_id BIGINT NOT NULL,\n  -- downstream:renamed-from user_email\n  email TEXT NOT NULL,\n  created_at TIMESTAMPTZ NOT NULL\n);\n';

function consumerRepo(index: number): SeedRepo {
  const name = `consumer-${String(index).padStart(3, '0')}`;
  // Every tenth consumer reads nothing that changed: it must end not-affected, with no PR.
  const reads = index % 10 === 0 ? 'user_id' : 'user_email';
  return {
    owner: 'acme',
    name,
    files: {
      'package.json': JSON.stringify({ name, private: true, type: 'module' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: [] }, include: ['src'] }),
      'src/user-row.ts': `/** A row of analytics.users_v1. */\nexport interface UserRow {\n  user_id: number;\n  ${reads === 'user_id' ? 'created_at: Date' : 'user_email: string'};\n}\n`,
      'src/label.ts': `import type { UserRow } from './user-row.js';\n\nexport function label(row: UserRow): string {\n  return String(row.${reads});\n}\n`,
    },
  };
}

function catalogYaml(): string {
  const dataset = 'apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: user-profile\n  annotations:\n    downstream/physical-name: analytics.users_v1\nspec:\n  type: dataset\n  owner: group:identity\n';
  const components = Array.from({ length: consumerCount }, (_unused, index) => {
    const name = `consumer-${String(index).padStart(3, '0')}`;
    return `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations:\n    github.com/project-slug: acme/${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: group:team-${index % 7}\n  dependsOn: [resource:default/user-profile]\n`;
  });
  return [dataset, ...components].join('---\n');
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

async function peakRssMb(pid: number): Promise<number> {
  // VmHWM is the process's resident-set high-water mark, kept by the kernel.
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match?.[1] === undefined ? 0 : Math.round(Number(match[1]) / 1024);
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'downstream-bench-fleet-'));
  const sandbox = await startSandbox({
    seed: { repos: [{ owner: 'acme', name: 'user-schemas', files: { '.github/downstream.yml': 'datasets:\n  - name: user-profile\n    schema: schemas/users.sql\n', 'schemas/users.sql': oldSchema } }, ...Array.from({ length: consumerCount }, (_unused, index) => consumerRepo(index))] },
    // Consumer CI would measure tsc 200 times, not downstream.
    ci: { enabled: false },
  });
  await writeFile(path.join(work, 'catalog.yaml'), catalogYaml());
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? work,
    APP_ID: String(sandbox.appId),
    PRIVATE_KEY: sandbox.privateKey,
    WEBHOOK_SECRET: sandbox.webhookSecret,
    GITHUB_API_URL: sandbox.url,
    CATALOG: work,
    DATA_DIR: path.join(work, 'data'),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info' as const,
  };
  const app = spawn(process.execPath, [path.join(root, 'bin/downstream.js'), 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const webhookUrl = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    app.stderr.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const match = /"webhooks":"([^"]+)"/.exec(buffer);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    app.once('exit', (code) => reject(new Error(`downstream serve exited with ${code ?? 'a signal'}:\n${buffer.slice(-2000)}`)));
  });
  sandbox.setWebhookTarget(webhookUrl);
  try {
    const started = performance.now();
    await sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'main', files: { 'schemas/users.sql': newSchema }, as: 'ines' });
    // The app's PGlite store belongs to its process, so progress is read from the sandbox's request log.
    const expectedPrs = consumerCount - Math.ceil(consumerCount / 10);
    const deadline = Date.now() + 30 * 60_000;
    let opened = 0;
    for (;;) {
      opened = sandbox.requests().filter((request) => request.method === 'POST' && /\/repos\/acme\/consumer-\d+\/pulls$/.test(request.path) && request.status === 201).length;
      if (opened >= expectedPrs) break;
      if (Date.now() > deadline) throw new Error(`only ${opened} of ${expectedPrs} PRs opened before the deadline`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const elapsedMinutes = (performance.now() - started) / 60_000;
    await sandbox.waitForIdle();

    const writes = sandbox.requests().filter((request) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(request.method) && !request.path.includes('/access_tokens') && request.path.includes('/repos/acme/consumer-'));

    const latencies = await Promise.all(Array.from({ length: burst }, async (_unused, index) => {
      const body = JSON.stringify({ sha: String(index % 10).repeat(40), state: 'success', repository: { name: 'consumer-001', owner: { login: 'acme' }, default_branch: 'main' }, installation: { id: sandbox.installationId } });
      const began = performance.now();
      const response = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'status', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signWebhookBody(sandbox.webhookSecret, body) }, body });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
      return performance.now() - began;
    }));
    const sorted = latencies.sort((left, right) => left - right);
    const figures = {
      consumers: consumerCount,
      prsOpened: opened,
      minutes: Math.round(elapsedMinutes * 100) / 100,
      consumersPerMinute: Math.round(consumerCount / elapsedMinutes),
      contentCreatingCallsPerPr: Math.round((writes.length / opened) * 100) / 100,
      appPeakRssMb: app.pid === undefined ? 0 : await peakRssMb(app.pid),
      webhookAckMs: { p50: Math.round(percentile(sorted, 0.5)), p99: Math.round(percentile(sorted, 0.99)), burst },
      loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
