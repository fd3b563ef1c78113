// `max` in a protobuf reserved range is the largest field number.
const maxFieldNumber = 536_870_911;

type Reserved = { ranges: Array<[number, number]>; names: Set<string> };

/** Parses the canonical `reserved` string (`2, 5 to 7, 9 to max, "email"`) into ranges and names. */
function parseReserved(value: string | number | boolean | undefined): Reserved {
  const reserved: Reserved = { ranges: [], names: new Set() };
  if (value === undefined) return reserved;
  for (const raw of String(value).split(',')) {
    const entry = raw.trim();
    if (entry.startsWith('"')) {
      reserved.names.add(entry.replace(/^"|"$/g, ''));
      continue;
    }
    const [start, end] = entry.split(/\s+to\s+/);
    const from = Number(start);
    const to = end === undefined ? from : end === 'max' ? maxFieldNumber : Number(end);
    if (Number.isInteger(from) && Number.isInteger(to)) reserved.ranges.push([from, to]);
  }
  return reserved;
}

function covered(ranges: ReadonlyArray<[number, number]>, number: number): boolean {
  return ranges.some(([start, end]) => number >= start && number <= end);
}

/**
 * Whether a reservation was dropped: a reserved name, or any number of an old range, that the new
 * reservations no longer cover. Merging or widening ranges drops nothing.
 */
export function reservationDropped(from: string | number | boolean | undefined, to: string | number | boolean | undefined): boolean {
  const before = parseReserved(from);
  const after = parseReserved(to);
  if ([...before.names].some((name) => !after.names.has(name))) return true;
  // Checking range ends and the numbers just past every new range's ends finds any gap without enumerating.
  const probes = new Set<number>();
  for (const [start, end] of before.ranges) {
    probes.add(start);
    probes.add(end);
    for (const [newStart, newEnd] of after.ranges) {
      for (const probe of [newStart - 1, newEnd + 1]) if (probe >= start && probe <= end) probes.add(probe);
    }
  }
  return [...probes].some((number) => covered(before.ranges, number) && !covered(after.ranges, number));
}
