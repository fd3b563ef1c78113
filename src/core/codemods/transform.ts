import type { Project } from 'ts-morph';
import type { Change, ChangeSet } from '../schema/index.js';

/** A file of the consumer checkout, path relative to the checkout root with `/` separators. */
export type CheckoutFile = { path: string; text: string };

/** One replacement in one file's original text: `text` replaces `[start, end)`. */
export type TextEdit = {
  path: string;
  start: number;
  end: number;
  text: string;
  /** The id of the transform that proposes it. */
  transform: string;
  /** The change that made it necessary. */
  change: Change;
};

/** A site that could not be fixed with certainty (DESIGN §3). `line` is 1-based. */
export type Leftover = { path: string; line: number; change: Change; reason: string };

/** How the engine became sure that a declaration mirrors the dataset's rows (docs/codemods.md). */
export type RowTypeEvidence = 'annotated' | 'named-after-dataset' | 'structure';

/** A declaration in the consumer whose properties mirror the dataset's fields. */
export type RowType = {
  path: string;
  name: string;
  kind: 'interface' | 'type-alias' | 'class' | 'zod-object';
  evidence: RowTypeEvidence;
  /** Offset of the declaration's name in the original text. */
  start: number;
};

/** What a transform sees. It proposes edits; the engine splices, re-parses and verifies them. */
export type TransformContext = {
  changeSet: ChangeSet;
  /** The changes of the set this transform said it handles. */
  changes: readonly Change[];
  /**
   * Names that denote the dataset in consumer code: the physical name and its unqualified
   * table name (`analytics.users_v1`, `users_v1`), plus the catalog name.
   */
  datasetNames: readonly string[];
  /** Candidate files (any extension) after prefiltering, as they are in the checkout. */
  files: readonly CheckoutFile[];
  /** A ts-morph project over the candidate TypeScript/JavaScript files, in memory. */
  project: Project;
  /** Top-level field names of the dataset in the old schema, when the caller knows them. */
  fieldNames: readonly string[] | undefined;
  /** Declarations that mirror the dataset's rows, found once by the engine for every transform. */
  rowTypes: readonly RowType[];
  /** Edits proposed by the transforms that ran before this one (transforms run in the order given). */
  priorEdits: readonly TextEdit[];
  /** The 1-based line of an offset in a candidate file's original text. */
  lineAt(path: string, offset: number): number;
};

export type TransformResult = { edits: TextEdit[]; leftovers: Leftover[] };

/** A transform's edit placed in the patched text: `[afterStart, afterEnd)` holds `edit.text`. */
export type PlacedEdit = { edit: TextEdit; afterStart: number; afterEnd: number };

/** One edited file handed back to the transform that edited it, so it can re-parse what it wrote. */
export type ReparseInput = { path: string; before: string; after: string; edits: readonly PlacedEdit[] };

/** An edit whose result does not re-parse; the engine withholds it (and its change's edits in that file). */
export type ReparseProblem = { edit: TextEdit; reason: string };

/**
 * A built-in or third-party codemod (`transforms/<name>/`). `handles` picks the changes it can
 * act on; `apply` must not modify `project` or files — it returns exact-range edits.
 */
export type Transform = {
  id: string;
  handles(change: Change): boolean;
  apply(context: TransformContext): TransformResult | Promise<TransformResult>;
  /** Extensions besides TypeScript/JavaScript whose files it reads, e.g. `['.sql', '.yml']`. */
  extensions?: readonly string[];
  /** Prefilter tokens beyond the engine's own (old field names, dataset names) for a change it handles. */
  tokens?(change: Change): readonly string[];
  /** Re-parses the text its edits produced in one file (e.g. SQL); the engine already re-parses TypeScript. */
  reparse?(input: ReparseInput): readonly ReparseProblem[];
};
