import { z } from 'zod';

/** What a person can do by ticking a box on the tracking issue. */
export type TrackingAction = 'promote' | 'retry-failed' | 'pause' | 'resume';

/** Every tracking-issue action, in the order the boxes appear. */
export const trackingActions = ['promote', 'retry-failed', 'pause', 'resume'] as const satisfies readonly TrackingAction[];

const boxPattern = /^[ \t]*[-*+][ \t]+\[([ xX])\][ \t]*<!--[ \t]*downstream:([a-z-]+)[ \t]*-->/gm;

/** `- [ ] <!-- downstream:promote --> Promote the next wave now`: the hidden marker is what the bot reads back. */
export function renderActionBox(action: TrackingAction, label: string): string {
  return `- [ ] <!-- downstream:${action} --> ${label}`;
}

function isAction(name: string): name is TrackingAction {
  return (trackingActions as readonly string[]).includes(name);
}

function readBoxes(body: string): Map<TrackingAction, boolean> {
  const boxes = new Map<TrackingAction, boolean>();
  for (const match of body.matchAll(boxPattern)) {
    const [, mark = ' ', name = ''] = match;
    if (isAction(name)) boxes.set(name, (boxes.get(name) ?? false) || mark !== ' ');
  }
  return boxes;
}

/**
 * The boxes a person ticked in an edit of the tracking issue (`issues.edited` gives both bodies):
 * ticked now and not ticked before. The bot renders every box unticked, so a box already ticked
 * in the old body was handled, or is being handled, and does not act twice.
 */
export function findTickedActions(oldBody: string, newBody: string): TrackingAction[] {
  const before = readBoxes(oldBody);
  const after = readBoxes(newBody);
  return trackingActions.filter((action) => after.get(action) === true && before.get(action) !== true);
}

const markerPattern = /<!-- downstream:tracking (\{.*?\}) -->/;
const markerSchema = z.object({ migration: z.string().min(1) });

/** The hidden marker that ties a tracking issue to its migration. */
export function renderTrackingMarker(migrationId: string): string {
  return `<!-- downstream:tracking ${JSON.stringify({ migration: migrationId })} -->`;
}

/** Reads the migration id back from a tracking issue's body; undefined when the marker is missing or edited into nonsense. */
export function findTrackingIssueMarker(body: string): { migration: string } | undefined {
  const match = markerPattern.exec(body);
  if (match?.[1] === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(match[1]);
  } catch {
    // A marker someone edited into invalid JSON belongs to no migration.
    return undefined;
  }
  const parsed = markerSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
