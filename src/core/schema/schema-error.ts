import type { SchemaFormat } from './types.js';

export type SchemaErrorCode =
  /** The text is not valid in its syntax (JSON, YAML, proto, SQL). */
  | 'invalid-syntax'
  /** The text parses but is not a valid schema of its format (unknown Avro type, not a dbt schema). */
  | 'invalid-schema'
  /** No reader for the file, or two files of different formats. */
  | 'unknown-format'
  | 'format-mismatch'
  /** The document holds no dataset of that name, or several where one was expected. */
  | 'dataset-not-found'
  | 'ambiguous-dataset';

/** Bad schema input. `file` and `line` say where, so a CLI can print one precise line. */
export class SchemaError extends Error {
  override readonly name = 'SchemaError';
  readonly code: SchemaErrorCode;
  readonly file: string;
  readonly line: number | undefined;
  readonly format: SchemaFormat | undefined;

  constructor(code: SchemaErrorCode, file: string, message: string, options: { line?: number; format?: SchemaFormat } = {}) {
    super(message);
    this.code = code;
    this.file = file;
    this.line = options.line;
    this.format = options.format;
  }

  /** `file:line: message`, the one line a person sees. */
  describe(): string {
    const where = this.line === undefined ? this.file : `${this.file}:${this.line}`;
    return `${where}: ${this.message}`;
  }
}
