import type { RestRequest } from './route.js';

export type Page<T> = { items: T[]; headers: Record<string, string> };

/** Cuts a list into GitHub's pages (`per_page` ≤ 100, default 30) with a `Link` header for the others. */
export function paginate<T>(request: RestRequest, all: readonly T[]): Page<T> {
  const perPage = Math.min(100, Math.max(1, Number(request.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(request.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  const link = (target: number, rel: string) => {
    const url = new URL(request.url.href);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(target));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { items, headers: links.length === 0 ? {} : { link: links.join(', ') } };
}
