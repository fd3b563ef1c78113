import { z } from 'zod';
import { catalogAnnotations, describeAnnotationProblem, type AnnotationResult } from './annotations.js';
import { CatalogError } from './catalog-error.js';
import { parseOptOut, parsePaths, parseTier } from './consumer-annotations.js';
import { catalogEntitySchema, consumerSpecSchema, describeIssue } from './entity-schema.js';
import { defaultNamespace, entityRefOf, parseEntityRef, stringifyEntityRef } from './entity-ref.js';
import { defaultGithubHosts, parseRepoLocation } from './repo-location.js';
import type { Consumer, UnresolvableConsumer } from './types.js';

/** A component we can open PRs in, or the reason we cannot. */
export type ConsumerDecision = { kind: 'consumer'; consumer: Consumer } | { kind: 'unresolvable'; unresolvable: UnresolvableConsumer };

/** Which hosts' `backstage.io/source-location` URLs count as GitHub (GitHub Enterprise adds its own). */
export type ConsumerOptions = { githubHosts?: readonly string[] };

const refShape = z.object({ kind: z.string().min(1), metadata: z.object({ name: z.string().min(1), namespace: z.string().min(1).optional() }) });

/**
 * Maps a component that depends on a dataset to a Consumer. Every problem (a missing repository,
 * a bad tier, a malformed annotation) makes it unresolvable with the reason; none is thrown, so
 * one bad component never hides the others.
 */
export function decideConsumer(raw: unknown, options: ConsumerOptions = {}): ConsumerDecision {
  const parsed = catalogEntitySchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return unresolvable(guessEntityRef(raw), describeIssues(parsed.error.issues, []));
  const entity = parsed.data;
  const entityRef = entityRefOf(entity);
  if (entity.kind.toLowerCase() !== 'component') return unresolvable(entityRef, `is a ${entity.kind}, not a Component`);
  const specResult = consumerSpecSchema.safeParse(entity.spec, { reportInput: true });
  if (!specResult.success) return unresolvable(entityRef, describeIssues(specResult.error.issues, ['spec']));
  const spec = specResult.data;
  const namespace = entity.metadata.namespace ?? defaultNamespace;
  const annotations = entity.metadata.annotations ?? {};

  const problems: string[] = [];
  const take = <T>(result: AnnotationResult<T>): T | undefined => {
    if ('value' in result) return result.value;
    problems.push(describeAnnotationProblem(result.problem));
    return undefined;
  };
  const owner = ownerRef(spec.owner, namespace, problems);
  const repo = take(parseRepoLocation(annotations, options.githubHosts ?? defaultGithubHosts));
  const tier = take(parseTier(annotations[catalogAnnotations.tier]));
  const paths = take(parsePaths(annotations[catalogAnnotations.paths]));
  const optOut = take(parseOptOut(annotations[catalogAnnotations.optOut]));
  if (owner === undefined || repo === undefined || tier === undefined || paths === undefined || optOut === undefined) {
    return unresolvable(entityRef, problems.join('; '));
  }

  const consumer: Consumer = {
    entityRef,
    name: entity.metadata.name,
    namespace,
    repo,
    owner,
    tier,
    paths,
    optedOut: optOut.optedOut,
    lifecycle: spec.lifecycle,
  };
  if (entity.metadata.title !== undefined) consumer.title = entity.metadata.title;
  if (optOut.reason !== undefined) consumer.optOutReason = optOut.reason;
  return { kind: 'consumer', consumer };
}

function ownerRef(owner: string, namespace: string, problems: string[]): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(owner, { defaultKind: 'group', defaultNamespace: namespace }));
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    problems.push(`spec.owner: ${error.message}`);
    return undefined;
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): string {
  const [first, ...rest] = issues;
  if (first === undefined) return 'invalid entity';
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more)`;
  return `${describeIssue({ ...first, path: [...prefix, ...first.path] })}${more}`;
}

function unresolvable(entityRef: string, reason: string): ConsumerDecision {
  return { kind: 'unresolvable', unresolvable: { entityRef, reason } };
}

/** The ref of an entity that failed validation, as far as it can be told. */
function guessEntityRef(raw: unknown): string {
  const result = refShape.safeParse(raw);
  return result.success ? entityRefOf(result.data) : 'component:(unnamed)';
}
