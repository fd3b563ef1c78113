import { ts } from 'ts-morph';
import type { Change } from '../../src/core/schema/index.js';
import type { Leftover, Transform, TransformContext, TransformResult } from '../../src/core/codemods/index.js';
import { findReferenceSites, findRowMember, toProjectPath } from '../../src/core/codemods/index.js';

const id = 'enum-values';

function literalsEqual(node: ts.Node, value: string): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isStringLiteralLike(child) && child.text === value) found.push(child);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

// The statement a reference sits in: `if (row.status === 'legacy')`, or a whole `switch` with its cases.
function enclosingStatement(node: ts.Node): ts.Node {
  let current = node;
  while (!ts.isSourceFile(current.parent) && !ts.isBlock(current.parent) && !ts.isModuleBlock(current.parent) && !ts.isCaseClause(current.parent)) current = current.parent;
  return current;
}

function findNode(sourceFile: ts.SourceFile, start: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (start < node.getStart(sourceFile) || start >= node.getEnd()) return;
    found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}

function applyChange(context: TransformContext, change: Change, result: TransformResult): void {
  const value = change.from;
  const program = context.project.getLanguageService().compilerObject.getProgram();
  if (value === undefined || program === undefined) return;
  const field = change.path.join('.');
  const push = (leftover: Leftover): void => void result.leftovers.push(leftover);
  for (const rowType of context.rowTypes) {
    const lookup = findRowMember(program, rowType, change.path);
    if (lookup.kind !== 'found') continue;
    const { member, sourceFile } = lookup;
    for (const literal of literalsEqual(member.node, value)) {
      push({ path: rowType.path, line: context.lineAt(rowType.path, literal.getStart(sourceFile)), change, reason: `the type of \`${field}\` still allows \`${value}\`, which the dataset no longer sends` });
    }
    for (const reference of findReferenceSites(context, { path: rowType.path, start: member.nameNode.getStart(sourceFile) })) {
      if (reference.isDefinition) continue;
      const file = program.getSourceFile(toProjectPath(reference.path));
      const node = file === undefined ? undefined : findNode(file, reference.start);
      if (file === undefined || node === undefined) continue;
      for (const literal of literalsEqual(enclosingStatement(node), value)) {
        push({ path: reference.path, line: context.lineAt(reference.path, literal.getStart(file)), change, reason: `handles \`${field}\` = \`${value}\`, a value the dataset no longer has; decide what replaces it` });
      }
    }
  }
}

/**
 * Removed enum values (leftovers only): where a row type's property still admits the value, and
 * where code compares or switches on that property with it. Nothing is deleted: what the code
 * should do instead is a person's decision.
 */
export const enumValuesTransform: Transform = {
  id,
  handles: (change) => change.kind === 'enum.value-removed' && change.path.length > 0,
  apply(context) {
    const result: TransformResult = { edits: [], leftovers: [] };
    for (const change of context.changes) applyChange(context, change, result);
    return result;
  },
};
