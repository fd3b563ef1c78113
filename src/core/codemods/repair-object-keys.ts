import { ts } from 'ts-morph';
import type { NewError, PatchedFile } from './compare-diagnostics.js';
import type { TextEdit } from './transform.js';
import type { EditGroup } from './verify-patch.js';
import { unmapOffset } from './splice-edits.js';

function isIdentifierText(name: string): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.ESNext, true, ts.LanguageVariant.Standard, name);
  return scanner.scan() === ts.SyntaxKind.Identifier && scanner.getTokenEnd() === name.length;
}

function enclosingStatement(sourceFile: ts.SourceFile, offset: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (offset < node.getStart(sourceFile) || offset >= node.getEnd()) return;
    if (ts.isBlock(node.parent) || ts.isSourceFile(node.parent) || ts.isModuleBlock(node.parent) || ts.isCaseClause(node.parent) || ts.isDefaultClause(node.parent)) found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}

/**
 * Renames the keys of object literals that a rename left behind where the type checker no longer
 * accepts them: `rows.map((row) => ({ user_id: row.userId }))` flowing into a row type, which the
 * language service cannot connect to the renamed property because the literal has no contextual
 * type. Only literals inside the span of an error the rename caused are touched, and the engine
 * keeps the result only if the patch then type-checks.
 */
export function repairObjectKeys(group: EditGroup, errors: readonly NewError[], patched: ReadonlyMap<string, PatchedFile>, sourceFileOf: (path: string) => ts.SourceFile | undefined): TextEdit[] {
  const { change } = group;
  const oldName = change.from;
  const newName = change.to;
  const transform = group.edits[0]?.transform;
  if (change.kind !== 'field.renamed' || oldName === undefined || newName === undefined || transform === undefined || !isIdentifierText(newName)) return [];
  const repairs: TextEdit[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const sourceFile = sourceFileOf(error.path);
    if (sourceFile === undefined) continue;
    const placed = patched.get(error.path)?.placed ?? [];
    // The checker points at a keyword or a name (`return`, the variable); the literal is elsewhere in that statement.
    const statement = enclosingStatement(sourceFile, unmapOffset(placed, error.start));
    const start = Math.min(statement?.getStart(sourceFile) ?? Infinity, unmapOffset(placed, error.start));
    const end = Math.max(statement?.getEnd() ?? -1, unmapOffset(placed, error.start + error.length));
    const visit = (node: ts.Node): void => {
      if (node.getEnd() < start || node.getStart(sourceFile) > end) return;
      if (ts.isObjectLiteralExpression(node)) {
        for (const property of node.properties) {
          const name = property.name;
          if (name === undefined || !(ts.isIdentifier(name) || ts.isStringLiteral(name)) || name.text !== oldName) continue;
          if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
          const at = name.getStart(sourceFile);
          if (seen.has(`${error.path}:${at}`)) continue;
          seen.add(`${error.path}:${at}`);
          const text = ts.isShorthandPropertyAssignment(property) ? `${newName}: ${oldName}` : newName;
          repairs.push({ path: error.path, start: at, end: name.getEnd(), text, transform, change });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return repairs;
}
