// protobufjs spells `max` in a reserved range as the largest field number.
const maxFieldNumber = 536_870_911;

function renderRange([start, end]: readonly [number, number]): string {
  if (start === end) return String(start);
  return `${start} to ${end === maxFieldNumber ? 'max' : String(end)}`;
}

/**
 * A message's `reserved` numbers and names as one canonical string: ranges sorted by number, then
 * quoted names sorted (`2, 5 to 7, "email"`), so splitting or reordering statements changes
 * nothing. Ranges are kept as written rather than merged, so adding `reserved 3` beside
 * `reserved 2` reads as one entry added, not as entries replaced. Undefined when nothing is reserved.
 */
export function renderReserved(reserved: ReadonlyArray<number[] | string> | undefined): string | undefined {
  if (reserved === undefined || reserved.length === 0) return undefined;
  const ranges: Array<[number, number]> = [];
  const names = new Set<string>();
  for (const entry of reserved) {
    if (typeof entry === 'string') names.add(entry);
    else if (entry[0] !== undefined) ranges.push([entry[0], entry[1] ?? entry[0]]);
  }
  const rendered = [...new Set(ranges.sort((left, right) => left[0] - right[0] || left[1] - right[1]).map(renderRange))];
  return [...rendered, ...[...names].sort().map((name) => JSON.stringify(name))].join(', ');
}
