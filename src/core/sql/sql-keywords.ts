// Words that never name a column when unquoted: PostgreSQL's reserved keywords, the operator and
// join words every dialect reserves, and BigQuery's reserved words. A column spelled like one of
// these must be quoted, so an unquoted occurrence is always the keyword.
const reserved = `ALL ANALYSE ANALYZE AND ANY ARRAY AS ASC ASYMMETRIC BETWEEN BOTH BY CASE CAST CHECK COLLATE
COLUMN CONSTRAINT CREATE CROSS CURRENT_CATALOG CURRENT_DATE CURRENT_ROLE CURRENT_TIME CURRENT_TIMESTAMP
CURRENT_USER DEFAULT DEFERRABLE DESC DISTINCT DO ELSE END ESCAPE EXCEPT EXISTS EXTRACT FALSE FETCH FOR
FOREIGN FROM FULL GRANT GROUP HAVING ILIKE IN INITIALLY INNER INTERSECT INTERVAL INTO IS ISNULL JOIN
LATERAL LEADING LEFT LIKE LIMIT LOCALTIME LOCALTIMESTAMP NATURAL NOT NOTNULL NULL OFFSET ON ONLY OR
ORDER OUTER OVER PLACING PRIMARY QUALIFY REFERENCES RETURNING RIGHT SELECT SESSION_USER SIMILAR SOME
SYMMETRIC TABLE TABLESAMPLE THEN TO TRAILING TRUE UNION UNIQUE UNNEST USER USING VARIADIC WHEN WHERE
WINDOW WITH WITHIN`.split(/\s+/);

const reservedSet = new Set(reserved);

/** Whether an unquoted word (upper case) is a keyword that cannot be a column name. */
export function isReservedWord(upper: string): boolean {
  return reservedSet.has(upper);
}

/** Keywords that end a FROM item, so the word is no alias. */
const notAlias = new Set([
  ...reserved,
  'SET', 'VALUES', 'WINDOW', 'QUALIFY', 'RETURNING', 'TABLESAMPLE', 'STRAIGHT_JOIN', 'APPLY', 'PARTITION',
  'OFFSET', 'UNION', 'MINUS', 'CONNECT', 'START', 'USE', 'IGNORE', 'FORCE', 'PIVOT', 'UNPIVOT', 'MATCH_RECOGNIZE',
  'DEFAULT', 'OVERRIDING', 'SELECT', 'RETURNING', 'CONFLICT', 'DUPLICATE', 'WHEN', 'THEN', 'LIMIT', 'ORDER', 'GROUP',
]);

/** Whether a word can be a table alias at that position (a keyword that starts the next clause cannot). */
export function canBeAlias(upper: string): boolean {
  return !notAlias.has(upper);
}

/** Clause keywords of a SELECT block, in the order the grammar allows them. */
export const selectClauses = ['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'FOR'] as const;
export type SelectClause = (typeof selectClauses)[number];

/** Words that start a statement we can analyse, or that a SQL text starts with. */
export const statementStarts = new Set(['SELECT', 'WITH', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'VALUES', 'CREATE', 'EXPLAIN', 'REPLACE', 'UPSERT', 'TABLE']);

/** Words that continue a type name after its first word (`double precision`, `timestamp with time zone`). */
export const typeContinuations = new Set(['PRECISION', 'VARYING', 'WITH', 'WITHOUT', 'TIME', 'ZONE', 'UNSIGNED', 'SIGNED', 'CHARACTER', 'SET']);

/** Date-part words that functions like `DATE_TRUNC(x, MONTH)` and `INTERVAL 1 DAY` take as keywords. */
export const dateParts = new Set([
  'MICROSECOND', 'MILLISECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'DAYOFWEEK', 'DAYOFYEAR', 'WEEK', 'ISOWEEK',
  'MONTH', 'QUARTER', 'YEAR', 'ISOYEAR', 'DATE', 'TIME', 'DATETIME', 'EPOCH', 'DOW', 'DOY', 'MICROSECONDS', 'MILLISECONDS',
  'SECONDS', 'MINUTES', 'HOURS', 'DAYS', 'WEEKS', 'MONTHS', 'YEARS', 'DECADE', 'CENTURY', 'MILLENNIUM', 'TIMEZONE',
  'TIMEZONE_HOUR', 'TIMEZONE_MINUTE',
]);

/** Functions whose arguments include date-part keywords. */
export const datePartFunctions = new Set([
  'DATE_TRUNC', 'DATETIME_TRUNC', 'TIMESTAMP_TRUNC', 'TIME_TRUNC', 'DATE_DIFF', 'DATETIME_DIFF', 'TIMESTAMP_DIFF', 'TIME_DIFF',
  'DATE_ADD', 'DATE_SUB', 'DATETIME_ADD', 'DATETIME_SUB', 'TIMESTAMP_ADD', 'TIMESTAMP_SUB', 'TIME_ADD', 'TIME_SUB',
  'LAST_DAY', 'DATE_BUCKET', 'DATE_PART', 'DATEADD', 'DATEDIFF', 'TIMESTAMPDIFF', 'TIMESTAMPADD', 'EXTRACT',
]);

/** Words that read as a typed literal when a string follows: `DATE '2024-01-01'`. */
export const typedLiteralWords = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMPTZ', 'DATETIME', 'INTERVAL', 'JSON', 'NUMERIC', 'BIGNUMERIC', 'RANGE']);
