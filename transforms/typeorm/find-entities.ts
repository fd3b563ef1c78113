import { ts } from 'ts-morph';

const columnDecorators = new Set(['Column', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn', 'VersionColumn', 'JoinColumn']);

/** A string literal that holds a name, where it is written. */
export type NameSite = { literal: ts.StringLiteralLike };

/** A mapped property of an entity: the column it maps to and where that name is written, if anywhere. */
export type EntityColumn = { property: ts.PropertyDeclaration; propertyName: string; column: string; nameSite: NameSite | undefined; typeOption: ts.Expression | undefined; decorator: string };

/** A TypeORM entity: its table (and schema) and where they are written. */
export type Entity = { declaration: ts.ClassDeclaration; table: string; schema: string | undefined; tableSite: NameSite | undefined; schemaSite: NameSite | undefined; columns: EntityColumn[] };

function decoratorCall(decorator: ts.Decorator): { name: string; args: readonly ts.Expression[] } | undefined {
  const expression = decorator.expression;
  if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression)) return { name: expression.expression.text, args: expression.arguments };
  return undefined;
}

function objectProperty(object: ts.Expression | undefined, key: string): ts.Expression | undefined {
  if (object === undefined || !ts.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === key) return property.initializer;
  }
  return undefined;
}

function stringSite(expression: ts.Expression | undefined): NameSite | undefined {
  return expression !== undefined && ts.isStringLiteralLike(expression) ? { literal: expression } : undefined;
}

/** TypeORM's default naming: `UserProfile` is stored as `user_profile`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

function readColumn(property: ts.PropertyDeclaration): EntityColumn | undefined {
  if (!ts.isIdentifier(property.name)) return undefined;
  for (const decorator of ts.getDecorators(property) ?? []) {
    const call = decoratorCall(decorator);
    if (call === undefined || !columnDecorators.has(call.name)) continue;
    // `@Column('varchar', { name })` or `@Column({ name, type })`.
    const options = call.args.find((arg) => ts.isObjectLiteralExpression(arg));
    const firstString = call.args[0] !== undefined && ts.isStringLiteralLike(call.args[0]) ? call.args[0] : undefined;
    const nameSite = stringSite(objectProperty(options, 'name'));
    return {
      property,
      propertyName: property.name.text,
      column: nameSite?.literal.text ?? property.name.text,
      nameSite,
      typeOption: objectProperty(options, 'type') ?? firstString,
      decorator: call.name,
    };
  }
  return undefined;
}

/** Every `@Entity` class in a file, with its table and mapped columns. */
export function findEntities(sourceFile: ts.SourceFile): Entity[] {
  const entities: Entity[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) && node.name !== undefined) {
      const entity = (ts.getDecorators(node) ?? []).map(decoratorCall).find((call) => call?.name === 'Entity');
      if (entity !== undefined) {
        const [first] = entity.args;
        const tableSite = stringSite(first) ?? stringSite(objectProperty(first, 'name'));
        const schemaSite = stringSite(objectProperty(first, 'schema'));
        const columns = node.members.filter(ts.isPropertyDeclaration).map(readColumn).filter((column) => column !== undefined);
        entities.push({ declaration: node, table: tableSite?.literal.text ?? snakeCase(node.name.text), schema: schemaSite?.literal.text, tableSite, schemaSite, columns });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return entities;
}
