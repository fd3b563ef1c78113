import type { Route } from './route.js';

export type CompiledRoute = Route & { pattern: RegExp; names: string[]; literals: number };

export type RouteMatch = { route: CompiledRoute; params: Record<string, string> };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles path templates to patterns over the raw (still percent-encoded) path. A multi-segment
 * parameter matches raw slashes; every captured value is then decoded, so `%2F` and `/` are the same.
 */
export function compileRoutes(routes: readonly Route[]): CompiledRoute[] {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const segments = route.path.split('/').slice(1);
    let pattern = '';
    let literals = 0;
    segments.forEach((segment, index) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      if (param === undefined) {
        literals += 1;
        pattern += `/${escapeRegExp(segment)}`;
        return;
      }
      names.push(param);
      const multi = route.multiSegment?.includes(param) ?? false;
      if (!multi) pattern += '/([^/]+)';
      else if (index === segments.length - 1) pattern += '(?:/(.*))?';
      else pattern += '/(.+?)';
    });
    return { ...route, names, literals, pattern: new RegExp(`^${pattern}/?$`) };
  });
  // Literal segments win over parameters: /issues/comments/{id} before /issues/{number}.
  return compiled.sort((a, b) => b.literals - a.literals);
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** The route for a method and raw path, with decoded parameters. */
export function matchRoute(routes: readonly CompiledRoute[], method: string, rawPath: string): RouteMatch | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(rawPath);
    if (match === null) continue;
    const params: Record<string, string> = {};
    let valid = true;
    route.names.forEach((name, index) => {
      const value = decode(match[index + 1] ?? '');
      if (value === undefined) valid = false;
      else params[name] = value;
    });
    if (valid) return { route, params };
  }
  return undefined;
}
