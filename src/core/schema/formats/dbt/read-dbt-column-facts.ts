import type { DbtColumn, DbtConstraint } from './dbt-schemas.js';
import type { DbtContext, DbtPath } from './dbt-context.js';
import { dbtAcceptedValuesSchema } from './dbt-schemas.js';
import { dbtError } from './dbt-context.js';
import { parseDbtNode } from './parse-dbt-node.js';
import { renderDbtExpression, renderDbtReference } from './render-dbt-expression.js';

/** What a column's tests and constraints say about its values. */
export type DbtColumnFacts = {
  notNull: boolean;
  unique: boolean;
  primaryKey: boolean;
  checks: string[];
  references?: string;
  acceptedValues?: string[];
};

function testName(test: string | Record<string, unknown>): { name: string; body: unknown } {
  if (typeof test === 'string') return { name: test, body: undefined };
  const explicit = test.test_name;
  if (typeof explicit === 'string') return { name: explicit, body: test };
  const [name = ''] = Object.keys(test);
  return { name, body: test[name] };
}

function readTests(column: DbtColumn, path: DbtPath, context: DbtContext, facts: DbtColumnFacts): void {
  const lists = [['data_tests', column.data_tests], ['tests', column.tests]] as const;
  for (const [key, tests] of lists) {
    for (const [index, test] of (tests ?? []).entries()) {
      const testPath = [...path, key, index];
      const { name, body } = testName(test);
      if (name === 'not_null') facts.notNull = true;
      if (name === 'unique') facts.unique = true;
      if (name !== 'accepted_values') continue;
      const bodyPath = typeof test === 'string' ? testPath : [...testPath, name];
      const parsed = parseDbtNode(dbtAcceptedValuesSchema, body ?? {}, bodyPath, context);
      const values = parsed.arguments?.values ?? parsed.values;
      if (values === undefined) throw dbtError(context, bodyPath, `not a dbt schema: accepted_values of column ${column.name} has no "values"`);
      // The order of accepted values carries no meaning, so it never reads as a change.
      facts.acceptedValues = [...new Set(values.map(String))].sort();
    }
  }
}

/** Applies one dbt constraint (column-level, or model-level for a single column) to the facts. */
export function applyDbtConstraint(constraint: DbtConstraint, path: DbtPath, context: DbtContext, facts: DbtColumnFacts): void {
  switch (constraint.type) {
    case 'not_null':
      facts.notNull = true;
      return;
    case 'unique':
      facts.unique = true;
      return;
    case 'primary_key':
      facts.primaryKey = true;
      return;
    case 'check': {
      const expression = constraint.expression?.trim();
      if (expression === undefined || expression === '') throw dbtError(context, path, 'not a dbt schema: a check constraint needs an "expression"');
      facts.checks.push(renderDbtExpression(expression, [...path, 'expression'], context));
      return;
    }
    case 'foreign_key': {
      const references = renderDbtReference(constraint, path, context);
      if (references === undefined) throw dbtError(context, path, 'not a dbt schema: a foreign_key constraint needs "to" or "expression"');
      facts.references = references;
      return;
    }
    default:
      // `custom` and adapter-specific constraints state nothing the model holds.
      return;
  }
}

/** The tests and constraints of one column, read into facts. */
export function readDbtColumnFacts(column: DbtColumn, path: DbtPath, context: DbtContext): DbtColumnFacts {
  const facts: DbtColumnFacts = { notNull: false, unique: false, primaryKey: false, checks: [] };
  readTests(column, path, context, facts);
  for (const [index, constraint] of (column.constraints ?? []).entries()) applyDbtConstraint(constraint, [...path, 'constraints', index], context, facts);
  return facts;
}
