import type { Field, FieldConstraints } from '../../types.js';
import type { DbtConstraint } from './dbt-schemas.js';
import type { DbtContext, DbtPath } from './dbt-context.js';
import type { DbtColumnFacts } from './read-dbt-column-facts.js';
import type { DbtColumnEntry } from './resolve-dbt-version.js';
import { combineChecks } from '../sql/index.js';
import { dbtError } from './dbt-context.js';
import { applyDbtConstraint, readDbtColumnFacts } from './read-dbt-column-facts.js';
import { renderDbtExpression, renderDbtReference } from './render-dbt-expression.js';
import { buildDbtField } from './build-dbt-field.js';
import { nestDbtField } from './nest-dbt-field.js';

export type DbtModelConstraints = { constraints: DbtConstraint[]; path: DbtPath };

/**
 * Model-level constraints: a one-column key, check or foreign key belongs to that column's facts;
 * composite ones are dataset constraints, keyed the way the SQL reader keys them.
 */
function applyModelConstraints(model: string, source: DbtModelConstraints, facts: Map<string, DbtColumnFacts>, context: DbtContext): FieldConstraints {
  const dataset: FieldConstraints = {};
  const checks: string[] = [];
  for (const [index, constraint] of source.constraints.entries()) {
    const path = [...source.path, index];
    const columns = constraint.columns ?? [];
    const targets = columns.map((name) => {
      const found = facts.get(name);
      if (found === undefined) throw dbtError(context, path, `the ${constraint.type} constraint of model ${model} names column ${name}, which the model does not declare`);
      return found;
    });
    const [single] = targets.length === 1 ? targets : [];
    if (constraint.type === 'primary_key' || constraint.type === 'not_null') {
      for (const target of targets) applyDbtConstraint(constraint, path, context, target);
    } else if (single !== undefined) {
      applyDbtConstraint(constraint, path, context, single);
    } else if (constraint.type === 'unique') {
      dataset[`unique(${[...columns].sort().join(', ')})`] = true;
    } else if (constraint.type === 'check' && constraint.expression !== undefined && constraint.expression !== null) {
      checks.push(renderDbtExpression(constraint.expression, [...path, 'expression'], context));
    } else if (constraint.type === 'check') {
      throw dbtError(context, path, 'not a dbt schema: a check constraint needs an "expression"');
    } else if (constraint.type === 'foreign_key') {
      const references = renderDbtReference(constraint, path, context);
      if (references !== undefined) dataset[`references(${columns.join(', ')})`] = references;
    }
  }
  if (checks.length > 0) dataset.check = combineChecks(checks);
  return dataset;
}

/**
 * The fields of a model (or of its latest version): top-level columns first, then dotted ones
 * (`address.zip`) nested under their record, and the dataset-level constraints.
 */
export function buildDbtFields(model: string, columns: readonly DbtColumnEntry[], modelConstraints: DbtModelConstraints, context: DbtContext): { fields: Field[]; constraints: FieldConstraints } {
  const facts = new Map<string, DbtColumnFacts>();
  for (const entry of columns) {
    if (facts.has(entry.column.name)) throw dbtError(context, entry.path, `model ${model} declares column ${entry.column.name} twice`);
    facts.set(entry.column.name, readDbtColumnFacts(entry.column, entry.path, context));
  }
  const constraints = applyModelConstraints(model, modelConstraints, facts, context);
  const fields: Field[] = [];
  const byDepth = [...columns].sort((left, right) => left.column.name.split('.').length - right.column.name.split('.').length);
  for (const entry of byDepth) {
    const path = entry.column.name.split('.');
    const field = buildDbtField(entry, facts.get(entry.column.name) ?? { notNull: false, unique: false, primaryKey: false, checks: [] }, path, context);
    if (path.length === 1) fields.push(field);
    else nestDbtField(fields, field, entry, context);
  }
  return { fields, constraints };
}
