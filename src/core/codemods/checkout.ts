/**
 * The consumer checkout as the engine sees it: a read-only file-system port, so the engine does
 * no I/O itself. Paths are relative to the checkout root with `/` separators.
 */
export type Checkout = {
  /** Every file worth reading; implementations leave out `node_modules`, `dist`, `.git` and ignored files. */
  listFiles(): Promise<readonly string[]>;
  readFile(path: string): Promise<string>;
};

/** A checkout held in memory, for tests and for callers that already have the texts. */
export function createMemoryCheckout(files: Readonly<Record<string, string>>): Checkout {
  const texts = new Map(Object.entries(files));
  return {
    listFiles: async () => [...texts.keys()].sort(),
    readFile: async (path) => {
      const text = texts.get(path);
      if (text === undefined) throw new Error(`${path}: not in the checkout`);
      return text;
    },
  };
}
