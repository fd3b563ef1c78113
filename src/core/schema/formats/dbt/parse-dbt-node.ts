import type { z } from 'zod';
import type { DbtContext, DbtPath } from './dbt-context.js';
import { dbtError, renderDbtPath } from './dbt-context.js';

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

const expectedNames: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false' };

function explain(issue: z.core.$ZodIssue, root: unknown): { path: PropertyKey[]; message: string } {
  const value = valueAt(root, issue.path);
  if (issue.code === 'invalid_type' && value === undefined && issue.path.length > 0) {
    return { path: issue.path.slice(0, -1), message: `"${String(issue.path.at(-1))}" is missing` };
  }
  if (issue.code === 'invalid_type') return { path: issue.path, message: `expected ${expectedNames[issue.expected] ?? issue.expected}, got ${describeValue(value)}` };
  if (issue.code === 'invalid_value') return { path: issue.path, message: `expected ${issue.values.map((allowed) => JSON.stringify(allowed)).join(' or ')}, got ${describeValue(value)}` };
  if (issue.code === 'invalid_union') return { path: issue.path, message: `unexpected ${describeValue(value)}` };
  return { path: issue.path, message: issue.message };
}

/**
 * Validates one part of the document; on failure throws `invalid-schema` naming the first thing
 * wrong, where it is (`models[0].columns[1]: "name" is missing`) and its line.
 */
export function parseDbtNode<T extends z.ZodType>(schema: T, value: unknown, path: DbtPath, context: DbtContext): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  if (issue === undefined) throw dbtError(context, path, `not a dbt schema: ${renderDbtPath(path)} is invalid`);
  const explained = explain(issue, value);
  const full = [...path, ...explained.path.filter((key): key is string | number => typeof key !== 'symbol')];
  const where = renderDbtPath(full);
  throw dbtError(context, full, `not a dbt schema: ${where === '' ? '' : `${where}: `}${explained.message}`);
}
