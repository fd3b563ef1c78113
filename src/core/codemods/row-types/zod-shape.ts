import { ts } from 'ts-morph';

const zodModules = new Set(['zod', 'zod/v4', 'zod/v3', 'zod/mini']);
const objectFactories = new Set(['object', 'strictObject', 'looseObject']);

/** Local names bound to the zod module in a file: `import { z } from 'zod'`, `import * as z`, a default import. */
export function findZodNames(sourceFile: ts.SourceFile): ReadonlySet<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!zodModules.has(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    if (clause === undefined || clause.isTypeOnly) continue;
    if (clause.name !== undefined) names.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings === undefined) continue;
    if (ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    else for (const element of bindings.elements) if ((element.propertyName ?? element.name).text === 'z') names.add(element.name.text);
  }
  return names;
}

/** The shape literal of `z.object({…})`, looking through chained calls such as `.strict()` or `.nullable()`. */
export function findZodShape(expression: ts.Expression, zodNames: ReadonlySet<string>): ts.ObjectLiteralExpression | undefined {
  let current: ts.Expression = expression;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    const callee = current.expression;
    if (ts.isIdentifier(callee.expression) && zodNames.has(callee.expression.text) && objectFactories.has(callee.name.text)) {
      const shape = current.arguments[0];
      return shape !== undefined && ts.isObjectLiteralExpression(shape) ? shape : undefined;
    }
    current = callee.expression;
  }
  return undefined;
}
