import type { SqlHole } from '../../src/core/sql/index.js';
import type { CookedText } from './cook-literal.js';
import { escapeForLiteral } from './cook-literal.js';

/** A part of a SQL text built from code: a literal's value, or a hole standing for an expression. */
type Segment = { start: number; end: number; literal?: { cooked: CookedText; quote: string }; rawStart: number; rawEnd: number };

/**
 * The SQL a piece of code spells (a string, a template, a `+` chain of them) as one text for the
 * SQL module, with the way back from its offsets to the file's.
 */
export type SqlText = { text: string; holes: SqlHole[]; segments: Segment[] };

/** Builds a SQL text piece by piece. */
export function createSqlTextBuilder(): { literal(cooked: CookedText, quote: string): void; hole(rawStart: number, rawEnd: number, text: string): void; build(): SqlText } {
  const sql: SqlText = { text: '', holes: [], segments: [] };
  return {
    literal(cooked, quote) {
      const start = sql.text.length;
      sql.text += cooked.text;
      sql.segments.push({ start, end: sql.text.length, literal: { cooked, quote }, rawStart: cooked.units[0]?.rawStart ?? cooked.rawEnd, rawEnd: cooked.rawEnd });
    },
    hole(rawStart, rawEnd, text) {
      const start = sql.text.length;
      // Keep the hole on one line and free of quotes, so the SQL tokenizer can only skip it.
      sql.text += text.replace(/[^\w$.]/g, '_') || '_';
      sql.holes.push({ start, end: sql.text.length });
      sql.segments.push({ start, end: sql.text.length, rawStart, rawEnd });
    },
    build: () => sql,
  };
}

/** The file offset of a SQL text offset: inside a literal the unit's source, inside a hole its start. */
export function mapSqlOffset(sql: SqlText, offset: number): number {
  const segment = sql.segments.find((candidate) => offset >= candidate.start && offset < candidate.end) ?? sql.segments.at(-1);
  if (segment === undefined) return 0;
  if (segment.literal === undefined) return segment.rawStart;
  const unit = segment.literal.cooked.units[offset - segment.start];
  return unit?.rawStart ?? segment.rawEnd;
}

/**
 * The file range and text of a SQL edit, when the edited range lies inside one literal whose
 * characters there are written as themselves; undefined when it crosses an escape or a hole.
 */
export function mapSqlEdit(sql: SqlText, edit: { start: number; end: number; text: string }): { start: number; end: number; text: string } | undefined {
  const segment = sql.segments.find((candidate) => candidate.literal !== undefined && edit.start >= candidate.start && edit.end <= candidate.end && (edit.start < candidate.end || edit.start === edit.end));
  if (segment?.literal === undefined) return undefined;
  const { units } = segment.literal.cooked;
  const first = edit.start - segment.start;
  const last = edit.end - segment.start;
  for (let index = first; index < last; index += 1) {
    if (units[index]?.plain !== true) return undefined;
  }
  const start = first < units.length ? (units[first]?.rawStart ?? segment.rawEnd) : segment.rawEnd;
  const end = last === first ? start : (units[last - 1]?.rawEnd ?? segment.rawEnd);
  return { start, end, text: escapeForLiteral(edit.text, segment.literal.quote) };
}
