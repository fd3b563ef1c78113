import type { DbtContext, DbtPath } from './dbt-context.js';
import { dbtError } from './dbt-context.js';
import { SqlInputError, renderSqlExpression, tokenizeSql } from '../sql/index.js';

/** A check or foreign-key expression in the one spelling the SQL reader uses, so reformatting it changes nothing. */
export function renderDbtExpression(expression: string, path: DbtPath, context: DbtContext): string {
  try {
    const tokens = tokenizeSql(expression, context.dialect).tokens.filter((token) => token.kind !== 'eof');
    return renderSqlExpression(tokens, context.dialect);
  } catch (error) {
    if (error instanceof SqlInputError) throw dbtError(context, path, `cannot read the expression ${JSON.stringify(expression)}: ${error.message}`);
    throw error;
  }
}

const refPattern = /^ref\(\s*['"]([^'"]+)['"]\s*(?:,.*)?\)$/s;
const sourcePattern = /^source\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]\s*\)$/s;

/** Where a foreign key points: `customers(id)` from `to: ref('customers')` + `to_columns: [id]`, or from `expression`. */
export function renderDbtReference(constraint: { to?: string | null; to_columns?: string[] | null; expression?: string | null }, path: DbtPath, context: DbtContext): string | undefined {
  const to = constraint.to?.trim();
  if (to !== undefined && to !== '') {
    const ref = refPattern.exec(to);
    const source = sourcePattern.exec(to);
    const target = ref !== null ? (ref[1] ?? to) : source !== null ? `${source[1] ?? ''}.${source[2] ?? ''}` : renderDbtExpression(to, path, context);
    const columns = constraint.to_columns ?? [];
    return columns.length === 0 ? target : `${target}(${columns.join(', ')})`;
  }
  const expression = constraint.expression?.trim();
  return expression === undefined || expression === '' ? undefined : renderDbtExpression(expression, [...path, 'expression'], context);
}
