import type { ChangeSet } from '../schema/index.js';
import { describeChangeInWords } from './pr-body.js';
import { code, escapeCell, renderTable } from './markdown.js';

/** What a dry run found for one consumer of a changed dataset. */
export type ConsumerImpact = {
  consumer: string;
  repo: string;
  tier: string;
  outcome:
    | { kind: 'would-patch'; edits: number; files: number; leftovers: number }
    | { kind: 'needs-human'; leftovers: number }
    | { kind: 'not-affected' }
    | { kind: 'opted-out'; reason: string }
    | { kind: 'not-analysed'; reason: string };
};

/** One changed dataset of the PR, its consumers' impact, and components the catalog could not resolve. */
export type DatasetImpact = { changeSet: ChangeSet; consumers: readonly ConsumerImpact[]; unresolvable: readonly { entityRef: string; reason: string }[]; catalogMissing: boolean };

export type ImpactPreviewInput = { datasets: readonly DatasetImpact[]; problems: readonly string[] };

function describeOutcome(outcome: ConsumerImpact['outcome']): string {
  switch (outcome.kind) {
    case 'would-patch':
      return `auto-fixable: ${outcome.edits} edit(s) in ${outcome.files} file(s)${outcome.leftovers > 0 ? `, ${outcome.leftovers} site(s) for a person` : ''}`;
    case 'needs-human':
      return `needs a person: ${outcome.leftovers} site(s), nothing auto-fixable`;
    case 'not-affected':
      return 'not affected';
    case 'opted-out':
      return `opted out (${outcome.reason}): no PR, still affected`;
    case 'not-analysed':
      return `not analysed: ${outcome.reason}`;
  }
}

function count(consumers: readonly ConsumerImpact[], kind: ConsumerImpact['outcome']['kind']): number {
  return consumers.filter((consumer) => consumer.outcome.kind === kind).length;
}

function renderDataset(impact: DatasetImpact): string {
  const { changeSet, consumers } = impact;
  const changes = changeSet.changes.filter((change) => change.severity !== 'non-breaking').map((change) => `- **${change.severity}** — ${describeChangeInWords(change)}`);
  const rows = consumers.map((consumer) => [code(consumer.repo), consumer.tier, escapeCell(describeOutcome(consumer.outcome))]);
  const unresolvable = impact.unresolvable.map((item) => `- ${code(item.entityRef)}: ${item.reason}`);
  return [
    `### ${code(changeSet.dataset.name)}${changeSet.dataset.physicalName === undefined ? '' : ` (${code(changeSet.dataset.physicalName)})`}`,
    changes.length === 0 ? 'No breaking change.' : changes.join('\n'),
    impact.catalogMissing ? `The catalog has no dataset named ${code(changeSet.dataset.name)}: no consumer can be found.` : renderTable(['Consumer', 'Tier', 'Impact'], rows) || 'No consumer in the catalog.',
    unresolvable.length === 0 ? '' : `Components the catalog lists as consumers but downstream cannot reach:\n\n${unresolvable.join('\n')}`,
  ].filter((part) => part !== '').join('\n\n');
}

/**
 * The impact preview check run on an upstream PR: which consumers would get PRs, what is
 * auto-fixable, what needs a person, who opted out. Nothing is opened before the merge.
 */
export function renderImpactPreview(input: ImpactPreviewInput): { title: string; summary: string; text: string; conclusion: 'success' | 'neutral' | 'failure' } {
  const consumers = input.datasets.flatMap((dataset) => dataset.consumers);
  const affected = consumers.length - count(consumers, 'not-affected');
  const title = input.problems.length > 0
    ? `Schema could not be read (${input.problems.length})`
    : input.datasets.length === 0
      ? 'No declared dataset changes'
      : `${affected} consumer(s) affected: ${count(consumers, 'would-patch')} auto-fixable, ${count(consumers, 'needs-human')} need a person, ${count(consumers, 'opted-out')} opted out`;
  const summary = input.datasets.length === 0 && input.problems.length === 0
    ? 'This PR changes no schema declared in `.github/downstream.yml`.'
    : 'When this PR merges, downstream opens one PR in each affected consumer (opted-out consumers get a notice instead). Nothing is opened before then.';
  const problems = input.problems.map((problem) => `- ${problem}`).join('\n');
  const text = [problems === '' ? '' : `### Problems\n\n${problems}`, ...input.datasets.map(renderDataset)].filter((part) => part !== '').join('\n\n');
  const conclusion = input.problems.length > 0 ? 'failure' : count(consumers, 'needs-human') > 0 ? 'neutral' : 'success';
  // Check run text is capped at 65,535 characters by GitHub.
  return { title, summary, text: text.length > 60_000 ? `${text.slice(0, 60_000)}\n\n…cut here: too many consumers to list.` : text, conclusion };
}
