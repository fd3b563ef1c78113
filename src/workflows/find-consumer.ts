import type { Consumer } from '../core/catalog/index.js';
import type { Migration } from '../adapters/store/index.js';
import type { WorkflowDeps } from './workflow-deps.js';

/** The consumer as the catalog describes it now (paths, owner, opt-out), or undefined if it no longer consumes the dataset. */
export async function findConsumer(deps: Pick<WorkflowDeps, 'catalog'>, migration: Migration, entityRef: string): Promise<Consumer | undefined> {
  const dataset = await deps.catalog.findDataset(migration.dataset.name);
  if (dataset === undefined) return undefined;
  const { consumers } = await deps.catalog.consumersOf(dataset);
  return consumers.find((consumer) => consumer.entityRef === entityRef);
}
