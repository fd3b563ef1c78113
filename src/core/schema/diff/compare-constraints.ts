import type { Change, FieldConstraints, Severity } from '../types.js';
import { reservationDropped } from './reserved-entries.js';

type Value = string | number | boolean;

// Keys whose lower value admits fewer values, and the reverse.
const upperBounds = new Set(['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum', 'precision', 'scale']);
// Avro resolves `fixed` only between equal sizes, so any change breaks.
const exact = new Set(['number', 'size']);
const lowerBounds = new Set(['minLength', 'minItems', 'minimum', 'exclusiveMinimum']);
const flags = new Set(['unique', 'uniqueItems', 'contractEnforced']);
const restrictions = new Set(['pattern', 'check', 'format', 'multipleOf']);
const reviewed = new Set(['primaryKey', 'references']);

function severityOf(prefixedKey: string, from: Value | undefined, to: Value | undefined): Severity {
  // Constraints on array items and map values (`items.maxLength`) tighten and relax as their own keys do.
  const key = prefixedKey.replace(/^(?:(?:items|values)\.)+/, '');
  if (exact.has(key)) return 'breaking';
  // Losing a default makes writers that omit the field fail; gaining one breaks nobody.
  if (key === 'default') return to === undefined ? 'breaking' : 'non-breaking';
  if (key === 'reserved') return reservationDropped(from, to) ? 'breaking' : 'non-breaking';
  if (reviewed.has(key)) return 'review';
  if (upperBounds.has(key) || lowerBounds.has(key)) {
    if (to === undefined) return 'non-breaking';
    if (from === undefined) return 'breaking';
    if (typeof from !== 'number' || typeof to !== 'number') return 'review';
    const tighter = upperBounds.has(key) ? to < from : to > from;
    return tighter ? 'breaking' : 'non-breaking';
  }
  if (flags.has(key)) return to === true ? 'breaking' : 'non-breaking';
  if (restrictions.has(key)) {
    if (from === undefined) return 'breaking';
    if (to === undefined) return 'non-breaking';
    return 'review';
  }
  return 'review';
}

function describe(key: string, severity: Severity): string {
  if (key === 'number') return 'field number changed: wire-incompatible';
  if (key === 'size') return 'fixed size changed: Avro cannot resolve different sizes';
  if (key === 'reserved') return severity === 'breaking' ? 'reservation dropped: the number or name may be reused' : 'reservation added';
  if (key === 'default') return severity === 'breaking' ? 'default removed: writers must now supply a value' : 'default added';
  if (severity === 'review') return 'changed; check whether consumers rely on it';
  return severity === 'breaking' ? 'tightened' : 'relaxed';
}

function render(key: string, value: Value | undefined): string | undefined {
  return value === undefined ? undefined : `${key}=${String(value)}`;
}

/** One `constraint.changed` per constraint key whose value differs, most precise severity first. */
export function compareConstraints(path: string[], from: FieldConstraints | undefined, to: FieldConstraints | undefined): Change[] {
  const keys = [...new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])].sort();
  const changes: Change[] = [];
  for (const key of keys) {
    const before = from?.[key];
    const after = to?.[key];
    if (before === after) continue;
    const severity = severityOf(key, before, after);
    const change: Change = { kind: 'constraint.changed', path, severity };
    const renderedFrom = render(key, before);
    const renderedTo = render(key, after);
    if (renderedFrom !== undefined) change.from = renderedFrom;
    if (renderedTo !== undefined) change.to = renderedTo;
    change.detail = describe(key, severity);
    changes.push(change);
  }
  return changes;
}
