import { ts } from 'ts-morph';

/** A replacement in a file, before it is attributed to a change. */
export type PlainEdit = { start: number; end: number; text: string };

export type TypeEditPlan = { kind: 'edit'; edit: PlainEdit } | { kind: 'none' } | { kind: 'leftover'; reason: string };

const nullish = new Set([ts.SyntaxKind.NullKeyword, ts.SyntaxKind.UndefinedKeyword]);

function isNullishType(node: ts.TypeNode): boolean {
  if (ts.isLiteralTypeNode(node)) return node.literal.kind === ts.SyntaxKind.NullKeyword;
  return nullish.has(node.kind);
}

/** The part of a property's type that carries the value: `string` in `string | null`. */
export function findValueTypeNode(typeNode: ts.TypeNode): ts.TypeNode | undefined {
  if (!ts.isUnionTypeNode(typeNode)) return typeNode;
  const values = typeNode.types.filter((member) => !isNullishType(member));
  return values.length === 1 ? values[0] : undefined;
}

/** Whether the written type already admits null. */
export function admitsNull(typeNode: ts.TypeNode): boolean {
  return ts.isUnionTypeNode(typeNode) ? typeNode.types.some((member) => ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword) : false;
}

/** Appends `| null` to a written type, in parentheses when it would otherwise bind wrongly. */
export function planNullable(typeNode: ts.TypeNode, sourceFile: ts.SourceFile): TypeEditPlan {
  if (admitsNull(typeNode)) return { kind: 'none' };
  const needsParentheses = ts.isFunctionTypeNode(typeNode) || ts.isConstructorTypeNode(typeNode) || ts.isConditionalTypeNode(typeNode);
  if (needsParentheses) {
    return { kind: 'edit', edit: { start: typeNode.getStart(sourceFile), end: typeNode.getEnd(), text: `(${typeNode.getText(sourceFile)}) | null` } };
  }
  return { kind: 'edit', edit: { start: typeNode.getEnd(), end: typeNode.getEnd(), text: ' | null' } };
}

// Modifiers that mean the same on any zod type; anything else (`.int()`, `.email()`, `.default(0)`)
// is specific to the old type and needs a person.
const portableZodMethods = new Set(['nullable', 'optional', 'nullish', 'describe', 'readonly']);

/** The chain `z.number().nullable()`: its factory name node and every method after it, or undefined. */
export function findZodChain(expression: ts.Expression, zodNames: ReadonlySet<string>): { factory: ts.Identifier; methods: string[]; end: number } | undefined {
  const methods: string[] = [];
  let current: ts.Expression = expression;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    const callee = current.expression;
    if (ts.isIdentifier(callee.expression) && zodNames.has(callee.expression.text)) {
      return ts.isIdentifier(callee.name) ? { factory: callee.name, methods: methods.reverse(), end: expression.getEnd() } : undefined;
    }
    methods.push(callee.name.text);
    current = callee.expression;
  }
  return undefined;
}

/** Whether every chained method after the factory carries over to another type. */
export function hasOnlyPortableMethods(methods: readonly string[]): boolean {
  return methods.every((method) => portableZodMethods.has(method));
}
