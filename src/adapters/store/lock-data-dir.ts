import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { StoreError } from './store-error.js';

// Lock files this process holds. A lock naming our own pid that is not in here was left by an
// earlier process that had the same pid (pid 1 in a restarted container), so it is stale.
const heldByThisProcess = new Set<string>();

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

async function readHolder(lockPath: string): Promise<number | undefined> {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function inUse(dataDir: string, lockPath: string, pid: number): StoreError {
  const who = pid === process.pid ? 'this process' : `process ${pid}`;
  return new StoreError(
    'data-dir-in-use',
    `PGlite data directory ${dataDir} is already open in ${who} (lock file ${lockPath}). PGlite serves one process only: ` +
      'to run several processes (serve and worker), set DATABASE_URL to a PostgreSQL server; if that process is gone, delete the lock file.',
  );
}

/**
 * Claims a PGlite data directory for this process with a `<dataDir>.lock` file holding our pid,
 * because PGlite itself would let a second process open the same files and corrupt them.
 * Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const resolved = path.resolve(dataDir);
  const lockPath = `${resolved}.lock`;
  await mkdir(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' });
      heldByThisProcess.add(lockPath);
      return async () => {
        heldByThisProcess.delete(lockPath);
        await rm(lockPath, { force: true });
      };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const holder = await readHolder(lockPath);
    // An empty file may be another process between creating and writing it: look again shortly.
    if (holder === undefined && attempt === 0) {
      await delay(100);
      continue;
    }
    const stale = holder === undefined || (holder === process.pid ? !heldByThisProcess.has(lockPath) : !isRunning(holder));
    if (!stale) throw inUse(resolved, lockPath, holder);
    await rm(lockPath, { force: true });
  }
  throw inUse(resolved, lockPath, (await readHolder(lockPath)) ?? 0);
}
