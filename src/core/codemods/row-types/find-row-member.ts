import type { ts } from 'ts-morph';
import type { RowType } from '../transform.js';
import type { RowMember } from './members.js';
import { nestedMembers } from './members.js';
import { findZodShape } from './zod-shape.js';
import { locateRowType } from './find-row-types.js';

/** Where a field sits in a row type: found, absent, or inside a nested record declared elsewhere (a person must look). */
export type RowMemberLookup = { kind: 'found'; member: RowMember; sourceFile: ts.SourceFile } | { kind: 'absent' } | { kind: 'unresolved'; reason: string };

/** Finds the property for a field path (`["address", "zip"]`) in a row type, following nested records written inline. */
export function findRowMember(program: ts.Program, rowType: RowType, fieldPath: readonly string[]): RowMemberLookup {
  const located = locateRowType(program, rowType);
  if (located === undefined) return { kind: 'absent' };
  let members = located.members;
  for (const [index, segment] of fieldPath.entries()) {
    const member = members.find((candidate) => candidate.name === segment);
    if (member === undefined) return { kind: 'absent' };
    if (index === fieldPath.length - 1) return { kind: 'found', member, sourceFile: located.sourceFile };
    const nested = nestedMembers(member, (expression) => findZodShape(expression, located.zodNames));
    if (nested === undefined) {
      return { kind: 'unresolved', reason: `${rowType.name}.${fieldPath.slice(0, index + 1).join('.')} is a record whose type is declared elsewhere` };
    }
    members = nested;
  }
  return { kind: 'absent' };
}
