import type { Change, ChangeSet } from '../schema/index.js';

// Rebuilt key by key so the JSON follows DESIGN §3's key order whatever order a change was built in.
function toJsonChange(change: Change): Record<string, unknown> {
  const json: Record<string, unknown> = { kind: change.kind, path: change.path };
  if (change.from !== undefined) json.from = change.from;
  if (change.to !== undefined) json.to = change.to;
  json.severity = change.severity;
  if (change.evidence !== undefined) json.evidence = change.evidence;
  if (change.detail !== undefined) json.detail = change.detail;
  return json;
}

/** The change set as `downstream diff --format json` prints it: DESIGN §3's keys only, in its order. */
export function renderChangeSetJson(changeSet: ChangeSet): string {
  const dataset: Record<string, string> = { name: changeSet.dataset.name };
  if (changeSet.dataset.physicalName !== undefined) dataset.physicalName = changeSet.dataset.physicalName;
  const json: Record<string, unknown> = { dataset };
  if (changeSet.fromVersion !== undefined) json.fromVersion = changeSet.fromVersion;
  if (changeSet.toVersion !== undefined) json.toVersion = changeSet.toVersion;
  json.changes = changeSet.changes.map(toJsonChange);
  return `${JSON.stringify(json, null, 2)}\n`;
}
