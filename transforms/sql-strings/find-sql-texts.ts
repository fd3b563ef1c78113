import { ts } from 'ts-morph';
import type { CookedText } from './cook-literal.js';
import { cookLiteral } from './cook-literal.js';
import type { SqlText } from './sql-text.js';
import { createSqlTextBuilder } from './sql-text.js';

/** A string-like expression that may hold SQL, with the call that runs it (for its row type). */
export type SqlCandidate = { node: ts.Expression; sql: SqlText; runner: ts.CallExpression | ts.TaggedTemplateExpression | undefined };

const loggingNames = new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'notice', 'assert']);

function isStringish(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
}

function isPlus(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;
}

function unwrap(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/** The operands of `a + b + (c + d)`, left to right. */
function flatten(node: ts.Node, into: ts.Node[]): ts.Node[] {
  const inner = unwrap(node);
  if (isPlus(inner)) {
    flatten(inner.left, into);
    flatten(inner.right, into);
  } else into.push(inner);
  return into;
}

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

/** The call or tag a SQL text is handed to, looking through parentheses, `as`, `?:` and `+`. */
function findRunner(node: ts.Node): { runner: ts.CallExpression | ts.TaggedTemplateExpression | ts.NewExpression | undefined; thrown: boolean } {
  let child: ts.Node = node;
  let parent: ts.Node | undefined = node.parent;
  while (parent !== undefined && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isConditionalExpression(parent) || isPlus(parent) || ts.isSatisfiesExpression(parent))) {
    child = parent;
    parent = parent.parent;
  }
  if (parent === undefined) return { runner: undefined, thrown: false };
  if (ts.isThrowStatement(parent)) return { runner: undefined, thrown: true };
  if (ts.isVariableDeclaration(parent) && parent.initializer === child && ts.isIdentifier(parent.name)) return { runner: findRunnerOfConstant(parent.name), thrown: false };
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.some((argument) => argument === child)) return { runner: parent, thrown: false };
  if (ts.isTaggedTemplateExpression(parent) && parent.template === child) return { runner: parent, thrown: false };
  return { runner: undefined, thrown: false };
}

/** The first call in the file a constant holding SQL is handed to: `const Q = '…'` … `pool.query<Row>(Q)`. */
function findRunnerOfConstant(name: ts.Identifier): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isIdentifier(node) && node !== name && node.text === name.text && ts.isCallExpression(node.parent) && node.parent.arguments.some((argument) => argument === node)) found = node.parent;
    ts.forEachChild(node, visit);
  };
  visit(name.getSourceFile());
  return found;
}

/** Log messages and error texts are prose for people, even when they quote SQL: never edited. */
function isMessage(runner: ts.CallExpression | ts.TaggedTemplateExpression | ts.NewExpression | undefined, thrown: boolean): boolean {
  if (thrown) return true;
  if (runner === undefined || ts.isTaggedTemplateExpression(runner)) return false;
  const callee = runner.expression;
  if (ts.isNewExpression(runner)) return /Error$/.test(calleeName(callee) ?? '');
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && /^(console|log|logger|logging)$/i.test(callee.expression.text)) return true;
  return loggingNames.has(calleeName(callee) ?? '');
}

function isQuietPosition(node: ts.Node): boolean {
  const parent = node.parent;
  if (parent === undefined) return true;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isLiteralTypeNode(parent)) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isEnumMember(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return true;
  return ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword;
}

/** `String.raw\`…\`` hands its tag the source text itself: every character is plain. */
function rawLiteral(raw: string, offset: number): CookedText {
  return { text: raw, units: raw.split('').map((_char, index) => ({ rawStart: offset + index, rawEnd: offset + index + 1, plain: true })), rawEnd: offset + raw.length };
}

function appendLiteral(builder: ReturnType<typeof createSqlTextBuilder>, node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression, sourceFile: ts.SourceFile, raw: boolean): void {
  const cook = (text: string, offset: number, template: boolean): CookedText => (raw ? rawLiteral(text, offset) : cookLiteral(text, offset, template));
  if (!ts.isTemplateExpression(node)) {
    const text = node.getText(sourceFile);
    builder.literal(cook(text.slice(1, -1), node.getStart(sourceFile) + 1, ts.isNoSubstitutionTemplateLiteral(node)), text[0] ?? '"');
    return;
  }
  const head = node.head.getText(sourceFile);
  builder.literal(cook(head.slice(1, -2), node.head.getStart(sourceFile) + 1, true), '`');
  let previousEnd = node.head.getEnd();
  for (const span of node.templateSpans) {
    const literalStart = span.literal.getStart(sourceFile);
    builder.hole(previousEnd - 2, literalStart + 1, sourceFile.text.slice(previousEnd - 2, literalStart + 1));
    const text = span.literal.getText(sourceFile);
    const tail = ts.isTemplateTail(span.literal);
    builder.literal(cook(tail ? text.slice(1, -1) : text.slice(1, -2), literalStart + 1, true), '`');
    previousEnd = span.literal.getEnd();
  }
}

function buildCandidate(node: ts.Expression, sourceFile: ts.SourceFile): SqlCandidate | undefined {
  const { runner, thrown } = findRunner(node);
  if (isMessage(runner, thrown) || isQuietPosition(node)) return undefined;
  const builder = createSqlTextBuilder();
  const raw = runner !== undefined && ts.isTaggedTemplateExpression(runner) && runner.tag.getText(sourceFile) === 'String.raw';
  for (const operand of isPlus(node) ? flatten(node, []) : [node]) {
    if (isStringish(operand)) appendLiteral(builder, operand, sourceFile, raw);
    else builder.hole(operand.getStart(sourceFile), operand.getEnd(), operand.getText(sourceFile));
  }
  return { node, sql: builder.build(), runner: runner !== undefined && !ts.isNewExpression(runner) ? runner : undefined };
}

/**
 * Every string, template and `+` chain of them in a file that could hold SQL: the outermost chain
 * counts once; log messages, error texts, module names and property names are skipped.
 */
export function findSqlTexts(sourceFile: ts.SourceFile): SqlCandidate[] {
  const found: SqlCandidate[] = [];
  const visit = (node: ts.Node): void => {
    const chain = isPlus(node) && !isPlus(unwrap(node.parent)) && !(ts.isParenthesizedExpression(node.parent) && isPlus(node.parent.parent));
    if (chain && flatten(node, []).some(isStringish)) {
      const candidate = buildCandidate(node, sourceFile);
      if (candidate !== undefined) found.push(candidate);
      for (const operand of flatten(node, [])) if (!isStringish(operand)) ts.forEachChild(operand, visit);
      for (const operand of flatten(node, [])) if (ts.isTemplateExpression(operand)) operand.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    if (isStringish(node) && !isPlus(unwrap(node.parent))) {
      const candidate = buildCandidate(node, sourceFile);
      if (candidate !== undefined) found.push(candidate);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
