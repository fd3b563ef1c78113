import { ts } from 'ts-morph';
import { detectSqlDialect, findSqlStatementKind, findSqlSyntaxProblems } from '../sql/index.js';
import type { SqlDialect } from '../sql/index.js';
import type { LandedEdit } from './apply-located-edits.js';

type SqlLiteral = { start: number; end: number; text: string };

function placeholder(dialect: SqlDialect, index: number): string {
  return dialect === 'mysql' ? '?' : dialect === 'bigquery' ? `@downstream_${index}` : `$${index}`;
}

// String literals and templates, with `${…}` replaced by a parameter so the SQL parses as a statement.
function findLiterals(path: string, text: string, dialect: SqlDialect): SqlLiteral[] {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: SqlLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push({ start: node.getStart(sourceFile), end: node.getEnd(), text: node.text });
    else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span, index) => `${placeholder(dialect, index + 1)}${span.literal.text}`)];
      found.push({ start: node.getStart(sourceFile), end: node.getEnd(), text: parts.join('') });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function innermost(literals: readonly SqlLiteral[], start: number, end: number): SqlLiteral | undefined {
  return literals.filter((literal) => literal.start <= start && end <= literal.end).sort((left, right) => left.end - left.start - (right.end - right.start))[0];
}

// Problems of the edited text that the original did not have (counted by kind: offsets move).
function compare(before: string, after: string, dialect: SqlDialect, where: string): string | undefined {
  const remaining = new Map<string, number>();
  for (const { problem } of findSqlSyntaxProblems(before, dialect)) remaining.set(problem, (remaining.get(problem) ?? 0) + 1);
  for (const { problem } of findSqlSyntaxProblems(after, dialect)) {
    const left = remaining.get(problem) ?? 0;
    if (left === 0) return `${where}: the edited SQL is malformed: ${problem}`;
    remaining.set(problem, left - 1);
  }
  return undefined;
}

/**
 * Re-parses SQL the LLM edited (DESIGN §3: every edited SQL string or file is re-parsed): a `.sql`
 * file as a whole, or the string or template literal around each edit in a script. The edit must
 * not make it malformed in a way it was not before. Unlike the codemods' check, the structure may
 * change (a removed column is a different select list), but not into a stray comma or a lost operand.
 */
export function findSqlEditProblems(path: string, before: string, after: string, landed: readonly LandedEdit[], tables: readonly string[]): string[] {
  if (path.endsWith('.sql')) {
    const problem = compare(before, after, detectSqlDialect(before, tables), path);
    return problem === undefined ? [] : [problem];
  }
  if (!/\.[cm]?[jt]sx?$/.test(path)) return [];
  const dialect = detectSqlDialect(before, tables);
  const beforeLiterals = findLiterals(path, before, dialect);
  const afterLiterals = findLiterals(path, after, dialect);
  const problems: string[] = [];
  for (const { edit, afterStart, afterEnd } of landed) {
    const original = innermost(beforeLiterals, edit.start, edit.end);
    if (original === undefined || findSqlStatementKind(original.text, { dialect }) === undefined) continue;
    const edited = innermost(afterLiterals, afterStart, afterEnd);
    if (edited === undefined) {
      problems.push(`${path}: the edited SQL is no longer one string`);
      continue;
    }
    const problem = compare(original.text, edited.text, detectSqlDialect(original.text, tables), path);
    if (problem !== undefined) problems.push(problem);
  }
  return [...new Set(problems)];
}
