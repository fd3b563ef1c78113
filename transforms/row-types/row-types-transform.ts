import { ts } from 'ts-morph';
import type { Change } from '../../src/core/schema/index.js';
import type { Leftover, RowType, Site, TextEdit, Transform, TransformContext, TransformResult } from '../../src/core/codemods/index.js';
import { findReferenceSites, findRenameEdits, findRowMember, toProjectPath } from '../../src/core/codemods/index.js';
import { findKeyLiteralEdits } from './find-key-literals.js';

const id = 'row-types';
const handled = new Set<Change['kind']>(['field.renamed', 'field.removed', 'field.suspected-rename', 'field.moved']);

type MemberSite = Site & { rowType: RowType; declaration: ts.Node };

function findMemberSites(context: TransformContext, change: Change, leftovers: Leftover[]): MemberSite[] {
  const program = context.project.getLanguageService().compilerObject.getProgram();
  if (program === undefined) return [];
  const sites: MemberSite[] = [];
  for (const rowType of context.rowTypes) {
    const lookup = findRowMember(program, rowType, change.path);
    if (lookup.kind === 'unresolved') leftovers.push({ path: rowType.path, line: context.lineAt(rowType.path, rowType.start), change, reason: `${lookup.reason}; change it by hand` });
    if (lookup.kind !== 'found') continue;
    const sourceFile = program.getSourceFile(toProjectPath(rowType.path));
    const declaration = ts.findAncestor(lookup.member.node, (node) => ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isClassDeclaration(node));
    sites.push({ path: rowType.path, start: lookup.member.nameNode.getStart(sourceFile), rowType, declaration: declaration ?? lookup.member.node });
  }
  return sites;
}

function describeUnfixable(change: Change, field: string, isDefinition: boolean): string {
  switch (change.kind) {
    case 'field.removed':
      return isDefinition ? `the row type still declares \`${field}\`, which the dataset no longer has` : `uses \`${field}\`, which the dataset no longer has`;
    case 'field.suspected-rename':
      return `\`${field}\` may have been renamed to \`${change.to ?? '?'}\` (heuristic); the producer must confirm the rename before it is patched`;
    default:
      return `\`${field}\` moved to \`${change.to ?? '?'}\`; move it by hand`;
  }
}

function applyChange(context: TransformContext, change: Change, result: TransformResult): void {
  const sites = findMemberSites(context, change, result.leftovers);
  const field = change.path.join('.');
  if (change.kind !== 'field.renamed' || change.to === undefined) {
    const seen = new Set<string>();
    for (const site of sites) {
      for (const reference of findReferenceSites(context, site)) {
        const line = context.lineAt(reference.path, reference.start);
        if (seen.has(`${reference.path}:${line}`)) continue;
        seen.add(`${reference.path}:${line}`);
        result.leftovers.push({ path: reference.path, line, change, reason: describeUnfixable(change, field, reference.isDefinition) });
      }
    }
    return;
  }
  const newName = change.to;
  const edits: TextEdit[] = [];
  for (const site of sites) {
    const renamed = findRenameEdits(context, site, newName, { transform: id, change });
    if ('reason' in renamed) result.leftovers.push({ path: site.path, line: context.lineAt(site.path, site.start), change, reason: renamed.reason });
    else edits.push(...renamed.edits);
  }
  const mirrors = new Set(sites.filter((site) => site.rowType.kind !== 'zod-object').map((site) => site.declaration));
  edits.push(...findKeyLiteralEdits(context, mirrors, change.path.at(-1) ?? '', newName, { transform: id, change }));
  result.edits.push(...edits);
}

/**
 * Row types that mirror the dataset (interfaces, type aliases, classes, zod objects): a renamed
 * field is renamed through the language service so every reference follows; a removed, moved or
 * unconfirmed field leaves every reference as a leftover, never a deletion.
 */
export const rowTypesTransform: Transform = {
  id,
  handles: (change) => handled.has(change.kind) && change.path.length > 0,
  apply(context) {
    const result: TransformResult = { edits: [], leftovers: [] };
    for (const change of context.changes) applyChange(context, change, result);
    return result;
  },
};
