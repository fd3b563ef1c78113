import { ts } from 'ts-morph';

/** A property of a row type: its name node, and what describes its type (a type node, or a zod schema expression). */
export type RowMember = { name: string; nameNode: ts.Node; node: ts.Node; typeNode: ts.TypeNode | undefined; initializer: ts.Expression | undefined };

function nameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isPrivateIdentifier(name)) return undefined;
  return undefined;
}

function typeLiteralMembers(type: ts.TypeNode): RowMember[] {
  if (ts.isParenthesizedTypeNode(type)) return typeLiteralMembers(type.type);
  if (ts.isIntersectionTypeNode(type)) return type.types.flatMap(typeLiteralMembers);
  if (!ts.isTypeLiteralNode(type)) return [];
  return signatureMembers(type.members);
}

function signatureMembers(members: ts.NodeArray<ts.TypeElement>): RowMember[] {
  const result: RowMember[] = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member)) continue;
    const name = nameText(member.name);
    if (name !== undefined) result.push({ name, nameNode: member.name, node: member, typeNode: member.type, initializer: undefined });
  }
  return result;
}

// `@Column({ name: 'user_id' }) userId`: the decorator names the column, so the property's own name
// says nothing about which field it mirrors (the ORM transform handles it).
function isMappedByName(member: ts.PropertyDeclaration): boolean {
  return (ts.getDecorators(member) ?? []).some((decorator) => {
    const call = decorator.expression;
    return ts.isCallExpression(call) && call.arguments.some((argument) => ts.isObjectLiteralExpression(argument) && argument.properties.some((property) => property.name !== undefined && ts.isIdentifier(property.name) && property.name.text === 'name'));
  });
}

function classMembers(declaration: ts.ClassDeclaration): RowMember[] {
  const result: RowMember[] = [];
  for (const member of declaration.members) {
    if (ts.isPropertyDeclaration(member) && !member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) && !isMappedByName(member)) {
      const name = nameText(member.name);
      if (name !== undefined) result.push({ name, nameNode: member.name, node: member, typeNode: member.type, initializer: member.initializer });
    }
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (!ts.isParameterPropertyDeclaration(parameter, member)) continue;
        const name = nameText(parameter.name);
        if (name !== undefined) result.push({ name, nameNode: parameter.name, node: parameter, typeNode: parameter.type, initializer: undefined });
      }
    }
  }
  return result;
}

/** The properties of an object literal passed to `z.object(…)`. */
export function objectLiteralMembers(literal: ts.ObjectLiteralExpression): RowMember[] {
  const result: RowMember[] = [];
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property)) {
      const name = nameText(property.name);
      if (name !== undefined) result.push({ name, nameNode: property.name, node: property, typeNode: undefined, initializer: property.initializer });
    } else if (ts.isShorthandPropertyAssignment(property)) {
      result.push({ name: property.name.text, nameNode: property.name, node: property, typeNode: undefined, initializer: property.name });
    }
  }
  return result;
}

/** The properties a declaration (interface, type alias, class, or `z.object` literal) declares itself. */
export function declarationMembers(declaration: ts.Node): RowMember[] {
  if (ts.isInterfaceDeclaration(declaration)) return signatureMembers(declaration.members);
  if (ts.isTypeAliasDeclaration(declaration)) return typeLiteralMembers(declaration.type);
  if (ts.isClassDeclaration(declaration)) return classMembers(declaration);
  if (ts.isObjectLiteralExpression(declaration)) return objectLiteralMembers(declaration);
  return [];
}

/** The members of a nested record written inline: a type literal, or a nested `z.object({…})`. */
export function nestedMembers(member: RowMember, findZodShape: (expression: ts.Expression) => ts.ObjectLiteralExpression | undefined): RowMember[] | undefined {
  if (member.typeNode !== undefined) {
    const members = typeLiteralMembers(member.typeNode);
    return members.length === 0 ? undefined : members;
  }
  if (member.initializer !== undefined) {
    const shape = findZodShape(member.initializer);
    return shape === undefined ? undefined : objectLiteralMembers(shape);
  }
  return undefined;
}
