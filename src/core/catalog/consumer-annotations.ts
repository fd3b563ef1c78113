import { catalogAnnotations, type AnnotationResult } from './annotations.js';
import { consumerTiers, type ConsumerTier } from './types.js';

/** `downstream/tier`, case-insensitive; absent means `general` (DESIGN §3 "Rollout"). */
export function parseTier(raw: string | undefined): AnnotationResult<ConsumerTier> {
  if (raw === undefined) return { value: 'general' };
  const tier = consumerTiers.find((candidate) => candidate === raw.trim().toLowerCase());
  if (tier !== undefined) return { value: tier };
  return { problem: { annotation: catalogAnnotations.tier, message: `is "${raw}"; expected one of ${consumerTiers.join(', ')}` } };
}

/**
 * `downstream/paths`: globs separated by commas or newlines, relative to the repository root.
 * A glob that leaves the repository (absolute, or through `..`) is refused: paths decide where we edit.
 */
export function parsePaths(raw: string | undefined): AnnotationResult<string[]> {
  if (raw === undefined) return { value: [] };
  const globs = raw
    .split(/[,\n]/)
    .map((glob) => glob.trim().replace(/^\.\//, ''))
    .filter((glob) => glob !== '');
  const problem = (message: string): AnnotationResult<string[]> => ({ problem: { annotation: catalogAnnotations.paths, message } });
  if (globs.length === 0) return problem('is empty; list globs such as "src/db/**, sql/**", or remove it');
  const outside = globs.find((glob) => glob.startsWith('/') || glob.split('/').includes('..'));
  if (outside !== undefined) return problem(`has "${outside}", which leaves the repository; use paths relative to its root`);
  return { value: globs };
}

export type OptOut = { optedOut: boolean; reason?: string };

/** `downstream/opt-out`: `"true"`, `"false"`, or `"true: <why>"` keeping the reason for the dashboard. */
export function parseOptOut(raw: string | undefined): AnnotationResult<OptOut> {
  if (raw === undefined) return { value: { optedOut: false } };
  const value = raw.trim();
  if (/^false$/i.test(value)) return { value: { optedOut: false } };
  if (/^true$/i.test(value)) return { value: { optedOut: true } };
  const withReason = /^true\s*[:\-–—]\s*(\S[\s\S]*)$/i.exec(value);
  if (withReason?.[1] !== undefined) return { value: { optedOut: true, reason: withReason[1].trim() } };
  return { problem: { annotation: catalogAnnotations.optOut, message: `is "${raw}"; expected "true", "false" or "true: <reason>"` } };
}
