import type { Consumer } from '../core/catalog/index.js';
import { decideOptOut } from '../core/consumers/index.js';
import { migrate } from '../core/codemods/index.js';
import type { ConsumerImpact, DatasetImpact } from '../core/render/index.js';
import { renderImpactPreview } from '../core/render/index.js';
import type { ChangeSet } from '../core/schema/index.js';
import { needsConsumerWork } from '../core/schema/index.js';
import { createDiskCheckout } from '../adapters/checkout/index.js';
import { createCompletedCheckRun, readRepo, readRepoConfig } from '../adapters/github/index.js';
import type { JobData } from '../adapters/queue/index.js';
import { readUpstreamChanges } from './read-upstream-changes.js';
import type { WorkflowDeps } from './workflow-deps.js';

/** The check run an upstream PR gets; its name is what branch protection can require. */
export const impactCheckName = 'downstream / impact';

// Every analysed consumer costs a clone and a migrate; past this many the preview says so instead.
const maxAnalysedConsumers = 25;

async function previewConsumer(deps: WorkflowDeps, consumer: Consumer, changeSet: ChangeSet, fieldNames: readonly string[]): Promise<ConsumerImpact['outcome']> {
  const access = await deps.github.forRepo(consumer.repo);
  const repoInfo = await readRepo(access.octokit, { owner: consumer.repo.owner, repo: consumer.repo.name });
  const { config } = await readRepoConfig(access.octokit, { owner: consumer.repo.owner, repo: consumer.repo.name });
  const optOut = decideOptOut({ topics: repoInfo.topics, configEnabled: config.enabled, catalogOptOut: consumer.optedOut ? (consumer.optOutReason ?? true) : false });
  if (optOut !== undefined) return { kind: 'opted-out', reason: optOut.detail };
  const workspace = await deps.clones.openWorkspace({ remoteUrl: repoInfo.cloneUrl, owner: consumer.repo.owner, repo: consumer.repo.name, branch: repoInfo.defaultBranch, token: await access.token() });
  try {
    const paths = config.paths ?? (consumer.paths.length > 0 ? consumer.paths : undefined);
    const result = await migrate(createDiskCheckout(workspace.dir), changeSet, { transforms: deps.transforms, fieldNames, ...(paths === undefined ? {} : { paths }), clock: deps.monotonicMs });
    if (result.edits.length === 0 && result.leftovers.length === 0) return { kind: 'not-affected' };
    if (result.edits.length === 0) return { kind: 'needs-human', leftovers: result.leftovers.length };
    const edits = result.edits.reduce((total, edit) => total + edit.edits.length, 0);
    return { kind: 'would-patch', edits, files: result.edits.length, leftovers: result.leftovers.length };
  } finally {
    await workspace.dispose();
  }
}

/**
 * The impact-preview job: on a PR to an upstream schema repository, dry-run the migration of every
 * consumer and publish what would happen as a check run on the PR head. Nothing is opened.
 */
export async function impactPreview(deps: WorkflowDeps, job: JobData<'impact-preview'>): Promise<{ checkRunId: number; datasets: number }> {
  const upstream = await deps.github.forInstallation(job.installationId);
  const { changes, problems, configFound } = await readUpstreamChanges(upstream.octokit, { owner: job.upstream.owner, name: job.upstream.name, beforeSha: job.baseSha, afterSha: job.headSha });
  if (!configFound) return { checkRunId: 0, datasets: 0 };
  const datasets: DatasetImpact[] = [];
  let analysed = 0;
  for (const change of changes.filter((candidate) => needsConsumerWork(candidate.changeSet))) {
    const dataset = await deps.catalog.findDataset(change.declaration.name);
    if (dataset === undefined) {
      datasets.push({ changeSet: change.changeSet, consumers: [], unresolvable: [], catalogMissing: true });
      continue;
    }
    const physicalName = change.declaration.physicalName ?? dataset.physicalName ?? change.changeSet.dataset.physicalName;
    const changeSet = { ...change.changeSet, dataset: { name: change.declaration.name, ...(physicalName === undefined ? {} : { physicalName }) } };
    const { consumers, unresolvable } = await deps.catalog.consumersOf(dataset);
    const impacts: ConsumerImpact[] = [];
    for (const consumer of consumers) {
      const base = { consumer: consumer.entityRef, repo: `${consumer.repo.owner}/${consumer.repo.name}`, tier: consumer.tier };
      if (analysed >= maxAnalysedConsumers) {
        impacts.push({ ...base, outcome: { kind: 'not-analysed', reason: `only the first ${maxAnalysedConsumers} consumers are dry-run in a preview` } });
        continue;
      }
      analysed += 1;
      try {
        impacts.push({ ...base, outcome: await previewConsumer(deps, consumer, changeSet, change.fieldNames) });
      } catch (error) {
        deps.logger.warn({ consumer: consumer.entityRef, err: error }, 'impact preview of a consumer failed');
        impacts.push({ ...base, outcome: { kind: 'not-analysed', reason: error instanceof Error ? error.message.split('\n')[0] ?? 'failed' : 'failed' } });
      }
    }
    datasets.push({ changeSet, consumers: impacts, unresolvable, catalogMissing: false });
  }
  const preview = renderImpactPreview({ datasets, problems: problems.map((problem) => problem.message) });
  const checkRunId = await createCompletedCheckRun(upstream.octokit, {
    owner: job.upstream.owner,
    repo: job.upstream.name,
    sha: job.headSha,
    name: impactCheckName,
    conclusion: preview.conclusion,
    output: { title: preview.title, summary: preview.summary, text: preview.text },
    completedAt: deps.now().toISOString(),
  });
  return { checkRunId, datasets: datasets.length };
}
