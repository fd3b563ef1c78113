// `npm run bench:codemod`: migrate vs `tsc --noEmit` on one generated 2,000-file project, in one run.
// Targets (issue 3): ratio ≤ 0.25, migrate peak RSS ≤ 400 MB, zero decoy edits.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ChangeSet } from '../src/core/schema/index.js';
import { generateCodemodProject } from './generate-codemod-project.js';

const run = promisify(execFile);
const here = import.meta.dirname;
const require = createRequire(import.meta.url);

const changeSet: ChangeSet = {
  dataset: { name: 'users', physicalName: 'analytics.users' },
  changes: [{ kind: 'field.renamed', path: ['user_id'], from: 'user_id', to: 'userId', severity: 'breaking', evidence: 'declared' }],
};

async function timeTsc(root: string): Promise<number> {
  const tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  const started = performance.now();
  await run(process.execPath, [tsc, '--noEmit', '-p', root], { maxBuffer: 64 * 1024 * 1024 });
  return Math.round(performance.now() - started);
}

type ChildFigures = { migrateMs: number; warmMigrateMs: number; peakRssMb: number; filesEdited: number; decoyEdits: number; leftovers: number };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

// Other work shares this machine, so each round times migrate and tsc back to back and the figures
// are medians over the rounds (`npm run bench:codemod -- 5` for more).
const rounds = Math.max(1, Number.parseInt(process.argv[2] ?? '3', 10) || 3);

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'downstream-bench-codemod-'));
  try {
    const project = await generateCodemodProject(path.join(root, 'consumer'), { packages: 20, modulesPerPackage: 100 });
    const changesFile = path.join(root, 'changes.json');
    const decoysFile = path.join(root, 'decoys.json');
    await writeFile(changesFile, JSON.stringify(changeSet));
    await writeFile(decoysFile, JSON.stringify(project.decoyFiles));
    const loadBefore = loadavg()[0] ?? 0;
    const results: { child: ChildFigures & Record<string, unknown>; tscMs: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      const child = await run(process.execPath, ['--import', 'tsx', path.join(here, 'migrate-in-child.ts'), project.root, changesFile, decoysFile], { cwd: path.join(here, '..'), maxBuffer: 16 * 1024 * 1024 });
      results.push({ child: JSON.parse(child.stdout) as ChildFigures & Record<string, unknown>, tscMs: await timeTsc(project.root) });
    }
    const last = results.at(-1)?.child;
    const ratios = results.map((result) => result.child.migrateMs / result.tscMs);
    const warmRatios = results.map((result) => result.child.warmMigrateMs / result.tscMs);
    const figures = {
      files: project.files,
      lines: project.lines,
      rounds,
      migrateMs: median(results.map((result) => result.child.migrateMs)),
      warmMigrateMs: median(results.map((result) => result.child.warmMigrateMs)),
      tscMs: median(results.map((result) => result.tscMs)),
      ratio: Math.round(median(ratios.map((ratio) => ratio * 1000))) / 1000,
      warmRatio: Math.round(median(warmRatios.map((ratio) => ratio * 1000))) / 1000,
      ratios: ratios.map((ratio) => Math.round(ratio * 1000) / 1000),
      peakRssMb: Math.max(...results.map((result) => result.child.peakRssMb)),
      filesEdited: last?.filesEdited,
      expectedFilesEdited: project.userFiles.length + 1,
      decoyEdits: Math.max(...results.map((result) => result.child.decoyEdits)),
      leftovers: last?.leftovers,
      verified: last?.['verified'],
      phaseMs: last?.['phaseMs'],
      candidates: last?.['candidates'],
      filesParsed: last?.['filesParsed'],
      editsByTransform: last?.['editsByTransform'],
      loadAverage: [Math.round(loadBefore * 100) / 100, Math.round((loadavg()[0] ?? 0) * 100) / 100],
      targets: { ratio: 0.25, peakRssMb: 400, decoyEdits: 0 },
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
