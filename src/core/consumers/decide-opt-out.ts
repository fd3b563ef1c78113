/** Why a consumer gets no PR, if it opted out; checked at plan time and again just before a PR opens. */
export type OptOutReason =
  | { source: 'topic'; detail: string }
  | { source: 'config'; detail: string }
  | { source: 'catalog'; detail: string }
  | { source: 'command'; detail: string };

/** The repository topic that opts a repository out of every downstream PR. */
export const optOutTopic = 'downstream-opt-out';

/** The first opt-out that applies, in the order a person would look for it. */
export function decideOptOut(input: { topics: readonly string[]; configEnabled: boolean; catalogOptOut?: string | boolean; optedOutByCommand?: { by: string } }): OptOutReason | undefined {
  if (input.topics.includes(optOutTopic)) return { source: 'topic', detail: `the repository has the topic ${optOutTopic}` };
  if (!input.configEnabled) return { source: 'config', detail: '.github/downstream.yml sets enabled: false' };
  if (input.catalogOptOut !== undefined && input.catalogOptOut !== false) {
    return { source: 'catalog', detail: typeof input.catalogOptOut === 'string' && input.catalogOptOut !== 'true' ? `catalog annotation downstream/opt-out: ${input.catalogOptOut}` : 'catalog annotation downstream/opt-out' };
  }
  if (input.optedOutByCommand !== undefined) return { source: 'command', detail: `${input.optedOutByCommand.by} commented /downstream opt-out` };
  return undefined;
}
