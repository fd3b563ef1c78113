import type { NameChain, NamePart } from './name-chain.js';

/** `qualifier`: write `qualifier.new_name`; `captured`: an inner block could capture the new name. */
export type NewNameReach = { qualifier?: string; qualifierIsTableName?: boolean; captured: boolean };

/**
 * What the analysis found that a change may concern. The planner turns sites into edits or
 * leftovers per change; the parser never decides what to write.
 */
export type SqlSite =
  | {
      kind: 'column';
      part: NamePart;
      /** The changed column it refers to, as the change spells it. */
      column: string;
      /** `certain`: the reference can only be to the dataset's column. */
      certainty: 'certain' | 'ambiguous';
      /** Why it is ambiguous, for the leftover. */
      doubt?: string;
      /** Editing the rest of the statement would change what this reference means: edit none of it. */
      blocking?: boolean;
      /** Where to insert ` AS <old name>` so a renamed projection keeps its output name. */
      aliasAt?: number;
      aliasText?: string;
      /** How the new name must be written to still reach the dataset's column (see `planNewNameReach`). */
      reach: (newName: string) => NewNameReach;
    }
  /** `whole`: the row used as one value (`row_to_json(u)`), not a `*` list. */
  | { kind: 'star'; at: number; effect: 'names' | 'positions'; excepted: Set<string>; whole?: boolean }
  | { kind: 'dynamic'; at: number; what: 'fragment' | 'identifier' }
  | { kind: 'merged'; at: number; column: string | undefined }
  | { kind: 'positional-insert'; at: number }
  | { kind: 'table'; chain: NameChain; matched: readonly string[] }
  | { kind: 'unsupported'; at: number; statement: string; columns: Set<string>; mentionsDataset: boolean };
