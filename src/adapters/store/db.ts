/** A row as the driver returns it; repositories validate it before use. */
export type Row = Record<string, unknown>;

/** Rows of a statement, and how many rows it returned or changed. */
export type QueryResult = { rows: Row[]; rowCount: number };

/** A held lock; release it when the work it guards is done. */
export type Lock = { release(): Promise<void> };

/** Which engine answers: embedded PGlite, or a PostgreSQL server. */
export type DbBackend = 'pglite' | 'postgres';

/**
 * One small interface over PGlite and `pg`, so repositories and the queue do not care which
 * answers. Parameterised SQL goes through `query`; scripts of several statements without
 * parameters through `exec`.
 */
export type Db = {
  readonly backend: DbBackend;
  query(sql: string, params?: readonly unknown[]): Promise<QueryResult>;
  /** Runs a script of one or more statements without parameters; returns the last one's rows. */
  exec(sql: string): Promise<QueryResult>;
  /** Runs `fn` in one transaction; `fn` must use the `tx` it is given. Nested calls join it. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Takes an exclusive lock on `key` across every process sharing the database, or returns
   * undefined when someone else holds it. A lock dies with its holder's connection.
   */
  tryLock(key: string): Promise<Lock | undefined>;
  close(): Promise<void>;
};

/** The logging the store and queue need; a pino logger fits. */
export type Logger = {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
};
