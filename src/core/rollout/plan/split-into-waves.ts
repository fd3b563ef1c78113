/**
 * Splits a tier's members into the fewest waves of at most `cap`, as even as possible (sizes
 * differ by one at most, larger waves first), so no straggler wave of one follows a full one.
 * `firstCap` caps the first wave on its own, for a plan whose first wave stands in for canaries.
 */
export function splitIntoWaves<T>(members: readonly T[], cap: number, firstCap = cap): T[][] {
  if (members.length === 0) return [];
  const first = members.slice(0, Math.min(firstCap, cap));
  const rest = firstCap < cap ? members.slice(first.length) : members;
  const head = firstCap < cap ? [first] : [];
  if (rest.length === 0) return head;
  const count = Math.ceil(rest.length / cap);
  const base = Math.floor(rest.length / count);
  const larger = rest.length % count;
  const waves: T[][] = [...head];
  let start = 0;
  for (let wave = 0; wave < count; wave += 1) {
    const size = base + (wave < larger ? 1 : 0);
    waves.push(rest.slice(start, start + size));
    start += size;
  }
  return waves;
}
