import type { Checkout } from './checkout.js';

// Enough files in flight to hide I/O latency without exhausting file descriptors.
const batchSize = 64;

/** Reads the listed files through the port, a batch at a time. */
export async function readCheckout(checkout: Checkout, paths: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (let index = 0; index < paths.length; index += batchSize) {
    const batch = paths.slice(index, index + batchSize);
    const read = await Promise.all(batch.map((path) => checkout.readFile(path)));
    batch.forEach((path, offset) => texts.set(path, read[offset] ?? ''));
  }
  return texts;
}
