import { decideConsumer, type ConsumerOptions } from './decide-consumer.js';
import type { Consumer, ConsumersResult, UnresolvableConsumer } from './types.js';

/** Maps the components that depend on a dataset into a ConsumersResult, one entry each, sorted by entity ref. */
export function collectConsumers(components: readonly unknown[], options: ConsumerOptions = {}): ConsumersResult {
  const consumers = new Map<string, Consumer>();
  const unresolvable = new Map<string, UnresolvableConsumer>();
  for (const component of components) {
    const decision = decideConsumer(component, options);
    if (decision.kind === 'consumer') consumers.set(decision.consumer.entityRef, decision.consumer);
    else unresolvable.set(decision.unresolvable.entityRef, decision.unresolvable);
  }
  const byRef = (a: { entityRef: string }, b: { entityRef: string }) => (a.entityRef < b.entityRef ? -1 : a.entityRef > b.entityRef ? 1 : 0);
  return { consumers: [...consumers.values()].sort(byRef), unresolvable: [...unresolvable.values()].sort(byRef) };
}
