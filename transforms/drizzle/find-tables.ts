import { ts } from 'ts-morph';

// Table factories of drizzle's dialects; `<schema>.table(…)` is handled beside them.
const tableFactories = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable']);
const schemaFactories = new Set(['pgSchema', 'mysqlSchema']);

/** A column entry of a drizzle table: its key, the builder call, and the column name argument if written. */
export type DrizzleColumn = { key: string; property: ts.PropertyAssignment; builder: ts.CallExpression; nameLiteral: ts.StringLiteralLike | undefined };

/** A drizzle table declaration: the table name literal, its schema when declared through `pgSchema`, and its columns. */
export type DrizzleTable = { nameLiteral: ts.StringLiteralLike; schema: string | undefined; columns: DrizzleColumn[] };

// `text('user_id').notNull().default('')` → the `text('user_id')` call at the bottom of the chain.
function findBuilderCall(expression: ts.Expression): ts.CallExpression | undefined {
  let current: ts.Expression = expression;
  while (ts.isCallExpression(current)) {
    if (ts.isIdentifier(current.expression)) return current;
    if (!ts.isPropertyAccessExpression(current.expression)) return undefined;
    current = current.expression.expression;
  }
  return undefined;
}

function readColumns(shape: ts.ObjectLiteralExpression): DrizzleColumn[] {
  const columns: DrizzleColumn[] = [];
  for (const property of shape.properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
    const builder = findBuilderCall(property.initializer);
    if (builder === undefined) continue;
    const first = builder.arguments[0];
    columns.push({ key: property.name.text, property, builder, nameLiteral: first !== undefined && ts.isStringLiteralLike(first) ? first : undefined });
  }
  return columns;
}

// `const analytics = pgSchema('analytics')` → `analytics` names the schema `analytics`.
function schemaOf(receiver: ts.Expression, checker: ts.TypeChecker): string | undefined {
  if (!ts.isIdentifier(receiver)) return undefined;
  const declaration = checker.getSymbolAtLocation(receiver)?.declarations?.[0];
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return undefined;
  const init = declaration.initializer;
  if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || !schemaFactories.has(init.expression.text)) return undefined;
  const name = init.arguments[0];
  return name !== undefined && ts.isStringLiteralLike(name) ? name.text : undefined;
}

/** Every drizzle table a file declares: `pgTable('users', {…})` or `analytics.table('users', {…})`. */
export function findDrizzleTables(sourceFile: ts.SourceFile, checker: ts.TypeChecker): DrizzleTable[] {
  const tables: DrizzleTable[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const viaFactory = ts.isIdentifier(callee) && tableFactories.has(callee.text);
      const viaSchema = ts.isPropertyAccessExpression(callee) && callee.name.text === 'table';
      const [name, shape] = node.arguments;
      if ((viaFactory || viaSchema) && name !== undefined && ts.isStringLiteralLike(name) && shape !== undefined && ts.isObjectLiteralExpression(shape)) {
        tables.push({ nameLiteral: name, schema: viaSchema ? schemaOf(callee.expression, checker) : undefined, columns: readColumns(shape) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return tables;
}
