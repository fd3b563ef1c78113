/** The catalog's view of datasets and their consumers (DESIGN §4 "Catalog"). */

/** Rollout waves in order: a consumer's tier decides which wave its PR opens in. */
export const consumerTiers = ['canary', 'early', 'general', 'critical'] as const;

export type ConsumerTier = (typeof consumerTiers)[number];

/** A GitHub repository, `acme/signup-dashboard` as `{ owner: 'acme', name: 'signup-dashboard' }`. */
export type RepoRef = { owner: string; name: string };

/**
 * A dataset in the catalog: a `Resource` with `spec.type: dataset`, or an `API` of type
 * `dataset` (Spotify Portal's model). `name` and `physicalName` make it a DESIGN §3 DatasetRef.
 */
export type DatasetEntity = {
  /** Canonical lower-case ref, `resource:default/user-profile`. */
  entityRef: string;
  kind: 'resource' | 'api';
  name: string;
  namespace: string;
  title?: string;
  /** Canonical ref of `spec.owner`, `group:default/identity-data`. */
  owner: string;
  /** The table or topic consumers read, from `downstream/physical-name` (`analytics.users_v1`). */
  physicalName?: string;
  /** Canonical ref of the older dataset this one replaces, from `downstream/supersedes`. */
  supersedes?: string;
};

/** A `Component` that depends on a dataset, with everything a rollout needs to reach it. */
export type Consumer = {
  /** Canonical lower-case ref, `component:default/signup-dashboard`. */
  entityRef: string;
  name: string;
  namespace: string;
  title?: string;
  repo: RepoRef;
  /** Canonical ref of `spec.owner` (reviewers come from it), `group:default/growth`. */
  owner: string;
  tier: ConsumerTier;
  /** Globs from `downstream/paths`, relative to the repository root; empty means "anywhere". */
  paths: string[];
  /** `downstream/opt-out: "true"`: still affected and reported, but gets no PR (DESIGN §5). */
  optedOut: boolean;
  /** The text after `true:` in the opt-out annotation, when the team gave one. */
  optOutReason?: string;
  /** `spec.lifecycle` as written (`production`, `experimental`, `deprecated`, …). */
  lifecycle: string;
};

/** A component that depends on the dataset but cannot be acted on; never dropped silently. */
export type UnresolvableConsumer = {
  entityRef: string;
  /** What is wrong, naming the annotation when one is at fault. */
  reason: string;
};

/** Every component depending on a dataset, split into those we can reach and those we cannot. */
export type ConsumersResult = {
  consumers: Consumer[];
  unresolvable: UnresolvableConsumer[];
};

/** The catalog port the workflows use; files and Backstage adapters implement it. */
export interface Catalog {
  /** The dataset named by entity name, entity ref or physical name; undefined when none is. */
  findDataset(name: string): Promise<DatasetEntity | undefined>;
  /** The components whose `dependsOn` or `consumesApis` name the dataset, sorted by entity ref. */
  consumersOf(dataset: DatasetEntity): Promise<ConsumersResult>;
}
