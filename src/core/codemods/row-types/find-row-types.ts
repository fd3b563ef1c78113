import { ts } from 'ts-morph';
import type { RowType, RowTypeEvidence } from '../transform.js';
import { toProjectPath } from '../project-paths.js';
import type { RowMember } from './members.js';
import { declarationMembers } from './members.js';
import { normalizeName } from './normalize-name.js';
import { findZodNames, findZodShape } from './zod-shape.js';

export type RowTypeRules = { datasetNames: readonly string[]; fieldNames: readonly string[] | undefined };

type Candidate = { name: string; kind: RowType['kind']; nameNode: ts.Node; declaration: ts.Node; docHost: ts.Node };

function annotatedDataset(node: ts.Node): string[] {
  return ts
    .getJSDocTags(node)
    .filter((tag) => tag.tagName.text === 'dataset')
    .map((tag) => (ts.getTextOfJSDocComment(tag.comment) ?? '').trim().split(/\s+/)[0] ?? '');
}

// The structural rule (docs/codemods.md): most of the type's properties are dataset fields, and they
// cover at least half the dataset. `AuditEvent { id, user_id, action, at }` shares two of four.
function mirrorsStructurally(members: readonly RowMember[], fieldNames: readonly string[]): boolean {
  const fields = new Set(fieldNames);
  const shared = new Set(members.filter((member) => fields.has(member.name)).map((member) => member.name)).size;
  return shared >= Math.min(2, fields.size) && shared * 3 >= members.length * 2 && shared * 2 >= fields.size;
}

function decideEvidence(candidate: Candidate, members: readonly RowMember[], rules: RowTypeRules, datasetKeys: ReadonlySet<string>): RowTypeEvidence | undefined {
  if (annotatedDataset(candidate.docHost).some((name) => rules.datasetNames.includes(name))) return 'annotated';
  if (members.length === 0) return undefined;
  if (datasetKeys.has(normalizeName(candidate.name))) return 'named-after-dataset';
  if (rules.fieldNames !== undefined && rules.fieldNames.length > 0 && mirrorsStructurally(members, rules.fieldNames)) return 'structure';
  return undefined;
}

function collectCandidates(sourceFile: ts.SourceFile): Candidate[] {
  const zodNames = findZodNames(sourceFile);
  const found: Candidate[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name !== undefined) {
      found.push({ name: node.name.text, kind: ts.isInterfaceDeclaration(node) ? 'interface' : 'type-alias', nameNode: node.name, declaration: node, docHost: node });
    } else if (ts.isClassDeclaration(node) && node.name !== undefined) {
      found.push({ name: node.name.text, kind: 'class', nameNode: node.name, declaration: node, docHost: node });
    } else if (zodNames.size > 0 && ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
      const shape = findZodShape(node.initializer, zodNames);
      if (shape !== undefined) found.push({ name: node.name.text, kind: 'zod-object', nameNode: node.name, declaration: shape, docHost: node });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/**
 * Declarations in the candidate files that mirror the dataset's rows, by the first rule that holds:
 * a `@dataset <name>` JSDoc tag; a name that is the table's or the dataset's (`UserRow`, `UsersTable`
 * for `analytics.users`); or, when the dataset's fields are known, the structural rule.
 */
export function findRowTypes(program: ts.Program, paths: readonly string[], rules: RowTypeRules): RowType[] {
  const datasetKeys = new Set(rules.datasetNames.map(normalizeName).filter((key) => key !== ''));
  const rowTypes: RowType[] = [];
  for (const path of paths) {
    const sourceFile = program.getSourceFile(toProjectPath(path));
    if (sourceFile === undefined || sourceFile.isDeclarationFile) continue;
    for (const candidate of collectCandidates(sourceFile)) {
      const evidence = decideEvidence(candidate, declarationMembers(candidate.declaration), rules, datasetKeys);
      if (evidence === undefined) continue;
      rowTypes.push({ path, name: candidate.name, kind: candidate.kind, evidence, start: candidate.nameNode.getStart(sourceFile) });
    }
  }
  return rowTypes;
}

/** The declaration a row type names (for a zod object, its shape literal), with the members it declares. */
export function locateRowType(program: ts.Program, rowType: RowType): { sourceFile: ts.SourceFile; declaration: ts.Node; members: RowMember[]; zodNames: ReadonlySet<string> } | undefined {
  const sourceFile = program.getSourceFile(toProjectPath(rowType.path));
  if (sourceFile === undefined) return undefined;
  const candidate = collectCandidates(sourceFile).find((found) => found.nameNode.getStart(sourceFile) === rowType.start);
  if (candidate === undefined) return undefined;
  return { sourceFile, declaration: candidate.declaration, members: declarationMembers(candidate.declaration), zodNames: findZodNames(sourceFile) };
}
