// The checkout is mounted at the root of the in-memory file system: `src/a.ts` is `/src/a.ts`.

/** The in-memory file name of a checkout path. */
export function toProjectPath(path: string): string {
  return `/${path}`;
}

/** The checkout path of an in-memory file name. */
export function fromProjectPath(fileName: string): string {
  return fileName.startsWith('/') ? fileName.slice(1) : fileName;
}
