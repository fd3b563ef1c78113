import type { DatasetSchema, SchemaFormat } from '../types.js';

/** A schema file's text and the path it is reported under. */
export type SchemaSource = { path: string; text: string };

/** Every dataset a schema file defines: top-level records, messages, tables or models. */
export type SchemaDocument = { format: SchemaFormat; source: string; datasets: DatasetSchema[] };

/**
 * A format reader: pure text → canonical model. Throws `SchemaError` (with the line where the
 * format gives one) on input it cannot read; never returns a partial document.
 */
export type SchemaReader = {
  format: SchemaFormat;
  /** File name endings this reader claims, longest first (`.schema.json` before `.json`). */
  extensions: readonly string[];
  read(source: SchemaSource): SchemaDocument;
};
