// Runs one `migrate` in its own process so the parent can report this process's peak RSS alone.
import { readFile } from 'node:fs/promises';
import { migrate } from '../src/core/codemods/index.js';
import type { ChangeSet } from '../src/core/schema/index.js';
import { createDiskCheckout } from '../src/adapters/checkout/index.js';
import { builtinTransforms } from '../transforms/index.js';

const [rootArgument, changesFile, decoysFile] = process.argv.slice(2);
if (rootArgument === undefined || changesFile === undefined || decoysFile === undefined) throw new Error('usage: migrate-in-child ROOT CHANGES.json DECOYS.json');
const root = rootArgument;
// Both files are written by bench/codemod.ts a moment earlier, from typed values.
const changeSet = JSON.parse(await readFile(changesFile, 'utf8')) as ChangeSet;
const decoys = new Set(JSON.parse(await readFile(decoysFile, 'utf8')) as string[]);

async function timedMigrate(): Promise<{ result: Awaited<ReturnType<typeof migrate>>; ms: number }> {
  const started = performance.now();
  const result = await migrate(createDiskCheckout(root), changeSet, { transforms: builtinTransforms, clock: () => performance.now() });
  return { result, ms: Math.round(performance.now() - started) };
}

// The first run is what a fresh process pays (the compiler's code is still cold); the second is a
// worker that has migrated before. Only the first counts against the targets.
const { result, ms: migrateMs } = await timedMigrate();
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const warm = await timedMigrate();

process.stdout.write(
  `${JSON.stringify({
    migrateMs,
    warmMigrateMs: warm.ms,
    peakRssMb,
    filesEdited: result.edits.length,
    decoyEdits: result.edits.filter((edit) => decoys.has(edit.path)).reduce((sum, edit) => sum + edit.edits.length, 0),
    leftovers: result.leftovers.length,
    verified: result.verified.status,
    phaseMs: result.stats.phaseMs,
    candidates: result.stats.candidates,
    filesParsed: result.stats.filesParsed,
    editsByTransform: result.stats.editsByTransform,
  })}\n`,
);
