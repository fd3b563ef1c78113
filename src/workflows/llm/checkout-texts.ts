import { createDiskCheckout } from '../../adapters/checkout/index.js';

/** The checkout's texts as the loop sees them: read from disk once, then changed only in memory. */
export type CheckoutTexts = {
  /** Every file of the checkout (relative paths), as the disk checkout lists them. */
  listed: readonly string[];
  /** Loaded texts; scripts, configs and SQL up front, others when an edit names them. */
  texts: Map<string, string>;
  readText(path: string): string | undefined;
  /** Loads listed files not read yet; a path the checkout does not list stays unknown. */
  ensureLoaded(paths: Iterable<string>): Promise<void>;
};

// What the type check and the SQL re-parse read; everything else is loaded only if an edit names it.
const preloaded = /\.(?:[cm]?[jt]sx?|json|sql|ya?ml)$/;

/** Reads a checkout on disk, with `overlay` (the codemods' results) in place of the files it names. */
export async function readCheckoutTexts(dir: string, overlay: ReadonlyMap<string, string>): Promise<CheckoutTexts> {
  const checkout = createDiskCheckout(dir);
  const listed = await checkout.listFiles();
  const known = new Set(listed);
  const texts = new Map<string, string>();
  for (const path of listed) {
    if (preloaded.test(path)) texts.set(path, overlay.get(path) ?? (await checkout.readFile(path)));
  }
  for (const [path, text] of overlay) texts.set(path, text);
  return {
    listed,
    texts,
    readText: (path) => texts.get(path),
    async ensureLoaded(paths) {
      for (const path of paths) {
        if (!texts.has(path) && known.has(path)) texts.set(path, await checkout.readFile(path));
      }
    },
  };
}
