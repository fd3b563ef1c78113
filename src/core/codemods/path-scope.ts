import picomatch from 'picomatch';

/** A predicate over checkout paths: inside the consumer's `paths` globs, or everything when none are given. */
export function createPathScope(globs: readonly string[] | undefined): (path: string) => boolean {
  if (globs === undefined || globs.length === 0) return () => true;
  const matchers = globs.map((glob) => picomatch(glob.replace(/^\.\//, ''), { dot: true }));
  return (path) => matchers.some((matches) => matches(path));
}
