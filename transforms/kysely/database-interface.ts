import { ts } from 'ts-morph';

/** A table of the consumer's Kysely `DB` interface: its key and the interface of its rows. */
export type DatabaseTable = { name: string; keyNode: ts.PropertyName; columns: ReadonlySet<string>; rowDeclaration: ts.Node | undefined };

const genericHolders = new Set(['Kysely', 'Transaction', 'ControlledTransaction']);

/**
 * The tables of every `Kysely<DB>` (or `Transaction<DB>`) the files mention, read through the
 * type checker so `DB` may live anywhere in the project.
 */
export function findDatabaseTables(sourceFiles: readonly ts.SourceFile[], checker: ts.TypeChecker): DatabaseTable[] {
  const tables = new Map<ts.Node, DatabaseTable>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && genericHolders.has(node.typeName.text)) {
      const argument = node.typeArguments?.[0];
      if (argument !== undefined) {
        for (const property of checker.getPropertiesOfType(checker.getTypeFromTypeNode(argument))) {
          const declaration = property.declarations?.[0];
          if (declaration === undefined || !ts.isPropertySignature(declaration) || tables.has(declaration)) continue;
          const rowType = checker.getTypeOfSymbolAtLocation(property, declaration);
          const columns = new Set(checker.getPropertiesOfType(rowType).map((column) => column.name));
          const rowDeclaration = (rowType.aliasSymbol ?? rowType.getSymbol())?.declarations?.find((candidate) => ts.isInterfaceDeclaration(candidate) || ts.isTypeAliasDeclaration(candidate));
          tables.set(declaration, { name: property.name, keyNode: declaration.name, columns, rowDeclaration });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const sourceFile of sourceFiles) if (sourceFile.text.includes('Kysely') || sourceFile.text.includes('Transaction')) visit(sourceFile);
  return [...tables.values()];
}
