import type { Change } from '../schema/index.js';
import type { Leftover, TextEdit, Transform } from './transform.js';

/** How `migrate` runs. Only `transforms` is required: the caller hands core the transforms to run. */
export type MigrateOptions = {
  transforms: readonly Transform[];
  /** Globs (relative to the checkout root) where the data-access code lives; absent means everywhere. */
  paths?: readonly string[];
  /** The dataset's table when the ChangeSet does not carry one (`analytics.users_v1`). */
  physicalName?: string;
  /** More names that denote the dataset in consumer code. */
  datasetNames?: readonly string[];
  /** Top-level field names of the dataset in the old schema; enables the structural row-type rule. */
  fieldNames?: readonly string[];
  /** Compare type diagnostics before and after (default true). */
  verify?: boolean;
  /** A monotonic clock in milliseconds for the phase timings; core reads no clock itself. */
  clock?: () => number;
};

/** One patched file (DESIGN §3). `transform` names every transform that edited it, comma-separated. */
export type FileEdit = { path: string; before: string; after: string; transform: string; edits: TextEdit[] };

/** A type error the patch introduces, in the patched file. */
export type VerifyDiagnostic = { path: string; line: number; code: number; message: string };

/**
 * What verification found. `passed`: the returned edits add no type or syntax error to the files
 * checked. `failed`: they do, and each such error is also a leftover — only a type change does this,
 * on purpose, so the compiler points at every use a person must adapt. `skipped`: nothing to check.
 */
export type VerifyReport = {
  status: 'passed' | 'failed' | 'skipped';
  checkedFiles: number;
  newErrors: VerifyDiagnostic[];
  /** Changes whose edits were withheld because they broke re-parsing or type-checking. */
  withheld: { change: Change; reason: string }[];
};

export type MigrationPhase = 'list' | 'read' | 'load' | 'transform' | 'splice' | 'verify';

export type MigrationStats = {
  filesListed: number;
  filesInScope: number;
  candidates: number;
  /** Source files the TypeScript program holds (candidates, their imports and the default libraries). */
  filesParsed: number;
  tokens: string[];
  editsByTransform: Record<string, number>;
  leftoversByTransform: Record<string, number>;
  /** Milliseconds per phase; zero without a `clock`. */
  phaseMs: Record<MigrationPhase, number>;
};

export type MigrationResult = {
  edits: FileEdit[];
  leftovers: Leftover[];
  verified: VerifyReport;
  stats: MigrationStats;
};
