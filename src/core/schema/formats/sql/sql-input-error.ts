/** Why SQL text could not be read: `invalid-syntax` (not SQL we can parse) or `invalid-schema` (parses, but does not define a consistent schema). */
export type SqlInputErrorCode = 'invalid-syntax' | 'invalid-schema';

/** Bad SQL input at a line of the text; the reader turns it into a `SchemaError` naming the file. */
export class SqlInputError extends Error {
  override readonly name = 'SqlInputError';
  readonly code: SqlInputErrorCode;
  readonly line: number;

  constructor(code: SqlInputErrorCode, message: string, line: number) {
    super(message);
    this.code = code;
    this.line = line;
  }
}
