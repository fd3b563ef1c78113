import { ts } from 'ts-morph';
import type { Change } from '../../src/core/schema/index.js';
import type { Transform, TransformContext, TransformResult } from '../../src/core/codemods/index.js';
import { toProjectPath } from '../../src/core/codemods/index.js';

const id = 'dataset-references';

// Names that say a value is a table name: `USERS_TABLE`, `tableName`, `{ table: … }`.
const tableish = /table/i;

function holderName(literal: ts.Node): string | undefined {
  const parent = literal.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === literal) {
    return ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name) ? parent.name.text : undefined;
  }
  return undefined;
}

// A string passed to a call or a decorator (`knex('users_v1')`, `@Entity({ name: … })`) belongs to
// the query-builder or ORM transform that knows that call; this one leaves it alone.
function isInsideCallOrDecorator(node: ts.Node): boolean {
  for (let current = node.parent; !ts.isSourceFile(current) && !ts.isBlock(current); current = current.parent) {
    if (ts.isCallExpression(current) || ts.isNewExpression(current) || ts.isDecorator(current) || ts.isTaggedTemplateExpression(current)) return true;
  }
  return false;
}

// A short name alone (`users`) is too common a word to flag; `users_v1` or `users2` is a table's name.
function isDistinctive(name: string): boolean {
  return /[_\d]/.test(name);
}

function applyRename(context: TransformContext, change: Change, result: TransformResult): void {
  const from = change.from;
  const to = change.to;
  if (from === undefined || to === undefined) return;
  const fromShort = from.split('.').at(-1) ?? from;
  const toShort = to.split('.').at(-1) ?? to;
  const program = context.project.getLanguageService().compilerObject.getProgram();
  if (program === undefined) return;
  for (const file of context.files) {
    if (!file.text.includes(fromShort)) continue;
    const sourceFile = program.getSourceFile(toProjectPath(file.path));
    if (sourceFile === undefined) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        const content = { start: node.getStart(sourceFile) + 1, end: node.getEnd() - 1 };
        const plain = sourceFile.text.slice(content.start, content.end) === node.text;
        // The full old name can only mean the table, wherever it is (`table('analytics.users_v1')`);
        // a transform that knows the call proposes the same edit, and the engine keeps one.
        if (node.text === from && plain) {
          result.edits.push({ path: file.path, ...content, text: to, transform: id, change });
        } else if (node.text === fromShort && fromShort !== from && plain && !isInsideCallOrDecorator(node)) {
          const holder = holderName(node);
          if (holder !== undefined && tableish.test(holder)) result.edits.push({ path: file.path, ...content, text: toShort, transform: id, change });
          else if (isDistinctive(fromShort)) {
            result.leftovers.push({ path: file.path, line: context.lineAt(file.path, node.getStart(sourceFile)), change, reason: `this string is the table's old name \`${fromShort}\`; if it names the table, change it to \`${toShort}\`` });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
}

/**
 * Dataset references in TypeScript outside SQL (DESIGN §3): a string that is exactly the old
 * physical name moves to the new one, wherever it is; the bare table name moves where a name says
 * it holds a table (`USERS_TABLE = 'users_v1'`) and is listed elsewhere, except in calls and
 * decorators, which the query-builder and ORM transforms own. SQL text is the SQL transforms'.
 */
export const datasetReferencesTransform: Transform = {
  id,
  handles: (change) => change.kind === 'dataset.renamed',
  apply(context) {
    const result: TransformResult = { edits: [], leftovers: [] };
    for (const change of context.changes) applyRename(context, change, result);
    return result;
  },
};
