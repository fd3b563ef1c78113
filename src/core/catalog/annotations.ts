/** The annotations downstream reads (DESIGN §4), and the two well-known ones that locate a repository. */
export const catalogAnnotations = {
  physicalName: 'downstream/physical-name',
  supersedes: 'downstream/supersedes',
  tier: 'downstream/tier',
  paths: 'downstream/paths',
  optOut: 'downstream/opt-out',
  projectSlug: 'github.com/project-slug',
  sourceLocation: 'backstage.io/source-location',
} as const;

/** An annotation's parsed value, or what is wrong with it. */
export type AnnotationResult<T> = { value: T } | { problem: AnnotationProblem };

/** A problem with one annotation of one entity, worded for the person who owns the entity. */
export type AnnotationProblem = { annotation: string; message: string };

/** `annotation downstream/tier is "beta"; …`: one line naming the annotation at fault. */
export function describeAnnotationProblem(problem: AnnotationProblem): string {
  return `annotation ${problem.annotation} ${problem.message}`;
}
