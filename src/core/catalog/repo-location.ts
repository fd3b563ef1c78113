import { catalogAnnotations, type AnnotationResult } from './annotations.js';
import type { RepoRef } from './types.js';

const slugPattern = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;

/** Hosts whose URLs we read as GitHub repositories unless told otherwise. */
export const defaultGithubHosts: readonly string[] = ['github.com'];

/**
 * The consumer's repository: `github.com/project-slug` (`acme/crm-sync`) first, else a GitHub
 * `backstage.io/source-location` (`url:https://github.com/acme/crm-sync/tree/main/`). A malformed
 * slug is a problem rather than a reason to fall back, so a typo never sends PRs elsewhere.
 */
export function parseRepoLocation(annotations: Readonly<Record<string, string>>, githubHosts: readonly string[] = defaultGithubHosts): AnnotationResult<RepoRef> {
  const slug = annotations[catalogAnnotations.projectSlug];
  if (slug !== undefined) {
    const match = slugPattern.exec(slug.trim());
    if (match?.[1] === undefined || match[2] === undefined) {
      return { problem: { annotation: catalogAnnotations.projectSlug, message: `is "${slug}"; expected owner/repo` } };
    }
    return { value: { owner: match[1], name: match[2].replace(/\.git$/, '') } };
  }
  const location = annotations[catalogAnnotations.sourceLocation];
  if (location === undefined) {
    return { problem: { annotation: catalogAnnotations.projectSlug, message: `is missing, and so is ${catalogAnnotations.sourceLocation}; set it to owner/repo` } };
  }
  return parseSourceLocation(location, githubHosts);
}

function parseSourceLocation(location: string, githubHosts: readonly string[]): AnnotationResult<RepoRef> {
  const problem = (message: string): AnnotationResult<RepoRef> => ({
    problem: { annotation: catalogAnnotations.sourceLocation, message: `${message}, and ${catalogAnnotations.projectSlug} is missing; set it to owner/repo` },
  });
  const target = /^(?:url|github):(.*)$/i.exec(location.trim())?.[1];
  if (target === undefined || !URL.canParse(target)) return problem(`is "${location}", not url:<address>`);
  const url = new URL(target);
  const hosts = githubHosts.map((host) => host.toLowerCase());
  if (!hosts.includes(url.hostname.toLowerCase())) return problem(`points at ${url.hostname}, not GitHub (${hosts.join(', ')})`);
  const [owner, name] = url.pathname.split('/').filter((part) => part !== '');
  const slug = owner === undefined || name === undefined ? undefined : slugPattern.exec(`${owner}/${name.replace(/\.git$/, '')}`);
  if (slug?.[1] === undefined || slug[2] === undefined) return problem(`is "${location}", which names no owner/repo`);
  return { value: { owner: slug[1], name: slug[2] } };
}
