import type { ts } from 'ts-morph';
import type { Change } from '../../src/core/schema/index.js';
import type { Leftover, RowMember, TextEdit, Transform, TransformContext, TransformResult } from '../../src/core/codemods/index.js';
import { findRowMember, findZodNames } from '../../src/core/codemods/index.js';
import type { TypeEditPlan } from './type-edits.js';
import { findValueTypeNode, findZodChain, hasOnlyPortableMethods, planNullable } from './type-edits.js';
import { acceptsTsType, findTsType, findZodFactory } from './type-mapping.js';

const id = 'type-changes';

function planWrittenType(member: RowMember, change: Change, sourceFile: ts.SourceFile): TypeEditPlan {
  const typeNode = member.typeNode;
  if (typeNode === undefined) return { kind: 'leftover', reason: 'the property has no written type to update' };
  if (change.kind === 'field.nullability-changed') return change.to === 'nullable' ? planNullable(typeNode, sourceFile) : { kind: 'none' };
  const from = change.from ?? '';
  const to = change.to ?? '';
  const target = findTsType(to);
  const valueNode = findValueTypeNode(typeNode);
  if (valueNode === undefined) return { kind: 'leftover', reason: `\`${typeNode.getText(sourceFile)}\` is not a single type to replace with \`${to}\`` };
  const written = valueNode.getText(sourceFile);
  if (target !== undefined && written.replace(/\s+/g, '') === target) return { kind: 'none' };
  // A widening the written type already admits (`number` for int → long) needs nothing.
  if (change.severity === 'non-breaking' && acceptsTsType(to, written)) return { kind: 'none' };
  if (target === undefined) return { kind: 'leftover', reason: `\`${to}\` has no single TypeScript type (it depends on the driver); change \`${written}\` by hand` };
  if (!acceptsTsType(from, written)) return { kind: 'leftover', reason: `declared as \`${written}\`, which is not how \`${from}\` is read here; change it to fit \`${to}\` by hand` };
  return { kind: 'edit', edit: { start: valueNode.getStart(sourceFile), end: valueNode.getEnd(), text: target } };
}

function planZodType(member: RowMember, change: Change, zodNames: ReadonlySet<string>): TypeEditPlan {
  const chain = member.initializer === undefined ? undefined : findZodChain(member.initializer, zodNames);
  if (chain === undefined) return { kind: 'leftover', reason: 'the zod schema of this property is not a plain `z.<type>()` chain' };
  if (change.kind === 'field.nullability-changed') {
    if (change.to !== 'nullable' || chain.methods.some((method) => method === 'nullable' || method === 'nullish')) return { kind: 'none' };
    return { kind: 'edit', edit: { start: chain.end, end: chain.end, text: '.nullable()' } };
  }
  if (change.severity === 'non-breaking' && acceptsTsType(change.to ?? '', chain.factory.text)) return { kind: 'none' };
  const factory = findZodFactory(change.to ?? '');
  if (factory === undefined) return { kind: 'leftover', reason: `\`${change.to ?? '?'}\` has no single zod type; change \`z.${chain.factory.text}()\` by hand` };
  if (chain.factory.text === factory) return { kind: 'none' };
  if (!hasOnlyPortableMethods(chain.methods)) return { kind: 'leftover', reason: `\`.${chain.methods.join('().')}()\` belongs to \`z.${chain.factory.text}()\`; change the schema to \`z.${factory}()\` by hand` };
  return { kind: 'edit', edit: { start: chain.factory.getStart(), end: chain.factory.getEnd(), text: factory } };
}

function applyChange(context: TransformContext, change: Change, result: TransformResult): void {
  const program = context.project.getLanguageService().compilerObject.getProgram();
  if (program === undefined) return;
  for (const rowType of context.rowTypes) {
    const lookup = findRowMember(program, rowType, change.path);
    if (lookup.kind === 'absent') continue;
    const leftoverAt = (start: number, reason: string): Leftover => ({ path: rowType.path, line: context.lineAt(rowType.path, start), change, reason });
    if (lookup.kind === 'unresolved') {
      result.leftovers.push(leftoverAt(rowType.start, `${lookup.reason}; change its type by hand`));
      continue;
    }
    const { member, sourceFile } = lookup;
    const plan = rowType.kind === 'zod-object' ? planZodType(member, change, findZodNames(sourceFile)) : planWrittenType(member, change, sourceFile);
    if (plan.kind === 'leftover') result.leftovers.push(leftoverAt(member.node.getStart(sourceFile), plan.reason));
    if (plan.kind === 'edit') result.edits.push({ path: rowType.path, ...plan.edit, transform: id, change } satisfies TextEdit);
  }
}

/**
 * Type changes (DESIGN §3, issue item 6): the mirrored property's written type (or zod schema)
 * follows the new type when the TypeScript spelling is certain; every use that then stops
 * type-checking is reported by the engine's verification as a leftover, never patched by guess.
 */
export const typeChangesTransform: Transform = {
  id,
  handles: (change) => (change.kind === 'field.type-changed' || change.kind === 'field.nullability-changed') && change.path.length > 0,
  apply(context) {
    const result: TransformResult = { edits: [], leftovers: [] };
    for (const change of context.changes) applyChange(context, change, result);
    return result;
  },
};
