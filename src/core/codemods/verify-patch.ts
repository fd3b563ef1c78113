import type { Change } from '../schema/index.js';
import type { NewError } from './compare-diagnostics.js';
import type { TextEdit } from './transform.js';

/** The edits of one change: the unit that is kept or withheld as a whole, since a half-applied rename is broken. */
export type EditGroup = { change: Change; edits: TextEdit[]; typeChange: boolean };

export type PatchVerdict = {
  kept: EditGroup[];
  withheld: { group: EditGroup; error: NewError }[];
  /** Errors the kept type changes cause on purpose, each to become a leftover. */
  consequences: { change: Change; error: NewError }[];
};

/**
 * The verification policy (docs/codemods.md). Renames and moves must add no error: when the whole
 * patch does, each such change is checked alone and those that add errors are withheld; if the rest
 * still fails together, it is withheld too. A type change keeps its edits, and the errors it causes
 * become leftovers at the uses a person must adapt. Before isolating, a rename may `repair` itself
 * once where the errors point. `findNewErrors` builds a program per call, so the repair and the
 * isolation run only when something failed.
 */
export function verifyPatch(
  proposed: readonly EditGroup[],
  findNewErrors: (edits: readonly TextEdit[]) => NewError[],
  repair: (group: EditGroup, errors: readonly NewError[]) => TextEdit[] = () => [],
): PatchVerdict {
  const errorsOf = (selected: readonly EditGroup[]): NewError[] => (selected.length === 0 ? [] : findNewErrors(selected.flatMap((group) => group.edits)));
  let groups = [...proposed];
  let all = errorsOf(groups);
  if (all.length === 0) return { kept: groups, withheld: [], consequences: [] };
  // One repair round: renames may complete themselves where the errors point (repair-object-keys.ts).
  const repaired = groups.map((group) => {
    const extra = group.typeChange ? [] : repair(group, all);
    return extra.length === 0 ? group : { ...group, edits: [...group.edits, ...extra] };
  });
  if (repaired.some((group, index) => group !== groups[index])) {
    groups = repaired;
    all = errorsOf(groups);
    if (all.length === 0) return { kept: groups, withheld: [], consequences: [] };
  }
  const renames = groups.filter((group) => !group.typeChange);
  const types = groups.filter((group) => group.typeChange);

  const withheld: PatchVerdict['withheld'] = [];
  let keptRenames = renames;
  const renameErrors = types.length === 0 ? all : errorsOf(renames);
  if (renameErrors.length > 0) {
    const isolated = renames.length === 1 ? [{ group: renames[0] as EditGroup, errors: renameErrors }] : renames.map((group) => ({ group, errors: errorsOf([group]) }));
    for (const { group, errors } of isolated) if (errors[0] !== undefined) withheld.push({ group, error: errors[0] });
    keptRenames = renames.filter((group) => !withheld.some((entry) => entry.group === group));
    const together = errorsOf(keptRenames);
    if (together[0] !== undefined) {
      for (const group of keptRenames) withheld.push({ group, error: together[0] });
      keptRenames = [];
    }
  }
  if (types.length === 0) return { kept: keptRenames, withheld, consequences: [] };

  const consequences: PatchVerdict['consequences'] = [];
  const final = errorsOf([...keptRenames, ...types]);
  const only = types.length === 1 ? types[0] : undefined;
  const attributed = new Map<string, Change>();
  if (only === undefined && final.length > 0) {
    for (const group of types) for (const error of errorsOf([...keptRenames, group])) attributed.set(`${error.path}:${error.start}:${error.code}`, group.change);
  }
  for (const error of final) {
    const change = only?.change ?? attributed.get(`${error.path}:${error.start}:${error.code}`) ?? (types[0] as EditGroup).change;
    consequences.push({ change, error });
  }
  return { kept: [...keptRenames, ...types], withheld, consequences };
}
