import { ts } from 'ts-morph';
import type { Change } from '../../src/core/schema/index.js';
import type { TransformContext } from '../../src/core/codemods/index.js';
import { changeKey, findRowMember } from '../../src/core/codemods/index.js';

/**
 * Names of the row types whose member for a change was renamed by a transform that ran before
 * (row types, zod objects): rows read through them now use the new name.
 */
export function findFollowedRowTypes(context: TransformContext, change: Change): Set<string> {
  const followed = new Set<string>();
  if (change.kind !== 'field.renamed') return followed;
  const program = context.project.getLanguageService().compilerObject.getProgram();
  if (program === undefined) return followed;
  const key = changeKey(change);
  for (const rowType of context.rowTypes) {
    const lookup = findRowMember(program, rowType, change.path);
    if (lookup.kind !== 'found') continue;
    const start = lookup.member.nameNode.getStart(lookup.member.nameNode.getSourceFile());
    const renamed = context.priorEdits.some((edit) => edit.path === rowType.path && edit.start === start && changeKey(edit.change) === key);
    if (renamed) followed.add(rowType.name);
  }
  return followed;
}

/**
 * The type names a call or tag gives as type arguments (`query<UserRow>`, `sql<UserRow[]>`), or
 * undefined when it gives none that says anything (`query(…)`, `query<any>`, `query<unknown>`).
 */
export function findTypeArgumentNames(runner: ts.CallExpression | ts.TaggedTemplateExpression | undefined): Set<string> | undefined {
  const typeArguments = runner?.typeArguments ?? [];
  const loose = (node: ts.TypeNode): boolean => node.kind === ts.SyntaxKind.AnyKeyword || node.kind === ts.SyntaxKind.UnknownKeyword;
  if (typeArguments.every(loose)) return undefined;
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node)) names.add(ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text);
    ts.forEachChild(node, visit);
  };
  for (const argument of typeArguments) visit(argument);
  return names;
}
