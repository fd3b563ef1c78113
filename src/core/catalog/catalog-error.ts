export type CatalogErrorCode =
  /** A catalog file is not valid YAML. */
  | 'invalid-yaml'
  /** An entity misses a field Backstage requires, or has one of the wrong shape. */
  | 'invalid-entity'
  /** One of our annotations on a dataset is malformed (consumers report theirs as unresolvable). */
  | 'invalid-annotation'
  /** A name matches several datasets; an entity ref picks one. */
  | 'ambiguous-dataset'
  /** `CATALOG` is neither an http(s) URL nor a directory. */
  | 'invalid-setting'
  /** The catalog directory cannot be read, or the Backstage catalog cannot be reached. */
  | 'unreachable'
  /** Backstage answered with an error status. */
  | 'request-failed';

/** Bad catalog input or an unusable catalog; `source` and `line` say where when known. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  readonly code: CatalogErrorCode;
  readonly source: string | undefined;
  readonly line: number | undefined;
  /** The entity at fault, when there is one, so an adapter can add where it is written. */
  readonly entityRef: string | undefined;

  constructor(code: CatalogErrorCode, message: string, options: { source?: string; line?: number; entityRef?: string; cause?: unknown } = {}) {
    const where = options.source === undefined ? '' : options.line === undefined ? `${options.source}: ` : `${options.source}:${options.line}: `;
    super(`${where}${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.source = options.source;
    this.line = options.line;
    this.entityRef = options.entityRef;
  }
}
