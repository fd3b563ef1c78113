export type {
  CheckoutFile,
  Leftover,
  PlacedEdit,
  ReparseInput,
  ReparseProblem,
  RowType,
  RowTypeEvidence,
  TextEdit,
  Transform,
  TransformContext,
  TransformResult,
} from './transform.js';
export type { Checkout } from './checkout.js';
export { createMemoryCheckout } from './checkout.js';
export type { FileEdit, MigrateOptions, MigrationPhase, MigrationResult, MigrationStats, VerifyDiagnostic, VerifyReport } from './migration-types.js';
export { migrate } from './migrate.js';
export { CodemodError } from './codemod-error.js';
export { renderMigrationDiff } from './render-diff.js';
export { renderLeftovers } from './render-leftovers.js';
export { mapOffset, planSplice, spliceText } from './splice-edits.js';
export { createLineIndex } from './line-index.js';
export { fromProjectPath, toProjectPath } from './project-paths.js';
export type { Site } from './language-service-sites.js';
export { findReferenceSites, findRenameEdits, isIdentifierName } from './language-service-sites.js';
export type { RowMember } from './row-types/members.js';
export type { RowMemberLookup } from './row-types/find-row-member.js';
export { findRowMember } from './row-types/find-row-member.js';
export { normalizeName } from './row-types/normalize-name.js';
export { findZodNames, findZodShape } from './row-types/zod-shape.js';
export { changeKey, isTypeChange } from './change-key.js';
export type { EditsCheck, PatchedFile } from './verify-edits.js';
export { applyTextEdits, verifyEdits } from './verify-edits.js';
export type { MirroredType } from './find-mirrored-types.js';
export { findMirroredTypes } from './find-mirrored-types.js';
