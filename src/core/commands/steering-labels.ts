/** The label that holds a bot PR: the bot leaves it alone and does not merge it (DESIGN §5). */
export const holdLabel = 'downstream:hold';

/** The label that skips a bot PR: it is closed and never reopened for its migration. */
export const skipLabel = 'downstream:skip';

/** Whether a label is one people steer the bot with. */
export function isSteeringLabel(name: string): boolean {
  const label = name.toLowerCase();
  return label === holdLabel || label === skipLabel;
}
