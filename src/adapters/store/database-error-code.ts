/** The SQLSTATE of a database error from either driver, e.g. `23503` for a foreign key violation. */
export function databaseErrorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
