import { ts } from 'ts-morph';
import type { Change } from '../../src/core/schema/index.js';
import type { TextEdit, TransformContext } from '../../src/core/codemods/index.js';
import { toProjectPath } from '../../src/core/codemods/index.js';

function isMirror(type: ts.Type | undefined, mirrors: ReadonlySet<ts.Node>): boolean {
  if (type === undefined) return false;
  const symbol = type.aliasSymbol ?? type.getSymbol();
  return symbol?.declarations?.some((declaration) => mirrors.has(declaration)) ?? false;
}

// `Pick<UserRow, 'user_id'>`, `Omit<UserRow, 'user_id' | 'name'>`: the keys argument of a helper over a row type.
function isKeyOfPickOrOmit(literal: ts.LiteralTypeNode, checker: ts.TypeChecker, mirrors: ReadonlySet<ts.Node>): boolean {
  let node: ts.Node = literal;
  while (ts.isUnionTypeNode(node.parent) || ts.isParenthesizedTypeNode(node.parent)) node = node.parent;
  const reference = node.parent;
  if (!ts.isTypeReferenceNode(reference) || reference.typeArguments?.[1] !== node) return false;
  const name = ts.isIdentifier(reference.typeName) ? reference.typeName.text : '';
  if (name !== 'Pick' && name !== 'Omit') return false;
  const target = reference.typeArguments[0];
  return target !== undefined && isMirror(checker.getTypeFromTypeNode(target), mirrors);
}

// `const key: keyof UserRow = 'user_id'`, `pluck(row, 'user_id')`: a string whose expected type is the keys of a row type.
function isKeyExpression(literal: ts.StringLiteral, checker: ts.TypeChecker, mirrors: ReadonlySet<ts.Node>): boolean {
  const contextual = checker.getContextualType(literal);
  if (contextual === undefined) return false;
  if (contextual.flags & ts.TypeFlags.Index) return isMirror((contextual as ts.IndexType).type, mirrors);
  const origin = (contextual as { origin?: ts.Type }).origin;
  if (origin !== undefined && origin.flags & ts.TypeFlags.Index) return isMirror((origin as ts.IndexType).type, mirrors);
  return false;
}

/**
 * String literals that name a row type's property as a key, which the language service does not
 * rename: `Pick`/`Omit` arguments and values typed `keyof` the row type. Other strings that merely
 * spell the column (log messages, SQL, another table's keys) are never touched here.
 */
export function findKeyLiteralEdits(context: TransformContext, mirrors: ReadonlySet<ts.Node>, oldName: string, newName: string, origin: { transform: string; change: Change }): TextEdit[] {
  const program = context.project.getLanguageService().compilerObject.getProgram();
  if (program === undefined || mirrors.size === 0) return [];
  const checker = program.getTypeChecker();
  const edits: TextEdit[] = [];
  for (const file of context.files) {
    if (!file.text.includes(`'${oldName}'`) && !file.text.includes(`"${oldName}"`)) continue;
    const sourceFile = program.getSourceFile(toProjectPath(file.path));
    if (sourceFile === undefined) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) && node.text === oldName) {
        const keyed = ts.isLiteralTypeNode(node.parent) ? isKeyOfPickOrOmit(node.parent, checker, mirrors) : isKeyExpression(node, checker, mirrors);
        if (keyed) edits.push({ path: file.path, start: node.getStart(sourceFile) + 1, end: node.getEnd() - 1, text: newName, ...origin });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return edits;
}
