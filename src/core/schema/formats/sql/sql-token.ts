/** The two flavours of DDL the SQL reader understands; they differ in quoting, comments and type names. */
export type SqlDialect = 'postgres' | 'bigquery';

/**
 * `word`: a bare identifier or keyword; `quoted`: a quoted identifier (`"Name"`, `` `a.b` ``);
 * `string`: a string literal (dollar-quoted and triple-quoted included); `symbol`: punctuation or
 * an operator (`(`, `,`, `::`, `>=`).
 */
export type SqlTokenKind = 'word' | 'quoted' | 'string' | 'number' | 'symbol' | 'eof';

export type SqlToken = {
  kind: SqlTokenKind;
  /** The token exactly as written. */
  text: string;
  /** Words as written, quoted identifiers and strings with their quotes and escapes removed. */
  value: string;
  start: number;
  end: number;
  /** 1-based lines of the first and last character. */
  line: number;
  endLine: number;
};

export type SqlComment = { text: string; line: number; endLine: number };

export type SqlTokens = { tokens: SqlToken[]; comments: SqlComment[] };
