import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What the generator wrote, so the benchmark can tell dataset files from decoys. */
export type GeneratedProject = { root: string; files: number; lines: number; userFiles: string[]; decoyFiles: string[] };

export type GenerateOptions = { packages: number; modulesPerPackage: number };

// Modules import their predecessor in runs of 7, a shallow closure like a real package. Every 20th module reads the dataset (5%), every 40th holds decoys (2.5%); the residues never meet.
const isUserModule = (index: number): boolean => index % 20 === 3;
const isDecoyModule = (index: number): boolean => index % 40 === 7;

const userRow = `/** A row of analytics.users, as the queries below return it. */
export interface UserRow {
  user_id: string;
  name: string;
  email: string;
  created_at: Date;
}

const cache = new Map<string, UserRow>();

export async function loadUser(id: string): Promise<UserRow> {
  const found = cache.get(id);
  if (found !== undefined) return found;
  const row: UserRow = { user_id: id, name: 'unknown', email: 'unknown@example.com', created_at: new Date(0) };
  cache.set(id, row);
  return row;
}
`;

const auditEvent = `/** An audit event: its user_id is the actor, unrelated to the users table. */
export interface AuditEvent {
  id: number;
  user_id: string;
  action: string;
  at: Date;
}
`;

function renderFiller(pkg: number, index: number, lines: number): string {
  const n = `${pkg}_${index}`;
  const body = `export interface Item${n} {
  id: number;
  label: string;
  tags: string[];
  score: number;
  parent?: Item${n};
}

export type Kind${n} = 'alpha' | 'beta' | 'gamma' | 'delta';

export class Store${n}<T extends { id: number }> {
  private readonly items = new Map<number, T>();

  add(item: T): this {
    this.items.set(item.id, item);
    return this;
  }

  find(id: number): T | undefined {
    return this.items.get(id);
  }

  all(): T[] {
    return [...this.items.values()];
  }

  where(predicate: (item: T) => boolean): T[] {
    return this.all().filter(predicate);
  }
}

export function score${n}(items: readonly Item${n}[]): number {
  return items.reduce((sum, item) => sum + item.score * (item.tags.length + 1), 0);
}

export function group${n}(items: readonly Item${n}[]): Map<string, Item${n}[]> {
  const groups = new Map<string, Item${n}[]>();
  for (const item of items) {
    for (const tag of item.tags) {
      const list = groups.get(tag) ?? [];
      list.push(item);
      groups.set(tag, list);
    }
  }
  return groups;
}

export function describe${n}(kind: Kind${n}): string {
  switch (kind) {
    case 'alpha':
      return 'first';
    case 'beta':
      return 'second';
    case 'gamma':
      return 'third';
    case 'delta':
      return 'fourth';
  }
}

export function depth${n}(item: Item${n}): number {
  let depth = 0;
  let current: Item${n} | undefined = item.parent;
  while (current !== undefined) {
    depth += 1;
    current = current.parent;
  }
  return depth;
}

export const defaults${n}: Readonly<Record<Kind${n}, number>> = { alpha: 1, beta: 2, gamma: 3, delta: ${index % 7} };

export function pick${n}<K extends keyof Item${n}>(item: Item${n}, keys: readonly K[]): Pick<Item${n}, K> {
  const result = {} as Pick<Item${n}, K>;
  for (const key of keys) result[key] = item[key];
  return result;
}
`;
  const extra: string[] = [];
  let count = body.split('\n').length;
  for (let k = 0; count < lines; k++, count += 4) {
    extra.push(`export function step${n}_${k}(value: number): number {\n  return value * ${k + 2} + ${index % 11};\n}\n`);
  }
  return `${body}\n${extra.join('\n')}`;
}

function renderUserSection(n: string): string {
  return `
export function userKey${n}(row: UserRow): string {
  return \`\${row.user_id}:\${row.name}\`;
}

export function makeUser${n}(name: string): UserRow {
  return { user_id: \`u-\${name}\`, name, email: \`\${name}@example.com\`, created_at: new Date(0) };
}

export function userIds${n}(rows: readonly UserRow[]): string[] {
  return rows.map((row) => row.user_id);
}

export function greet${n}(row: UserRow): string {
  const { user_id, name } = row;
  return \`hello \${name} (\${user_id})\`;
}

export async function loadedId${n}(id: string): Promise<string> {
  const user = await loadUser(id);
  return user.user_id;
}

export const userQuery${n} = \`SELECT user_id, name FROM analytics.users WHERE user_id = $1\`;
`;
}

function renderDecoySection(n: string): string {
  return `
export function auditActor${n}(event: AuditEvent): string {
  return event.user_id;
}

export function localId${n}(): string {
  const user_id = 'system';
  return user_id;
}

// user_id here is the audit actor, not the users table column
export const auditInsert${n} = 'INSERT INTO audit.events (user_id, action) VALUES ($1, $2)';

export function logActor${n}(log: (message: string) => void, event: AuditEvent): void {
  log(\`user_id=\${event.user_id} did \${event.action}\`);
}
`;
}

function renderModule(pkg: number, index: number, global: number): string {
  const n = `${pkg}_${index}`;
  const parts: string[] = [];
  const chained = index % 7 !== 0;
  if (chained) parts.push(`import { score${pkg}_${index - 1} } from './m${index - 1}.js';`);
  if (isUserModule(global)) parts.push(`import type { UserRow } from '../shared/user-row.js';`, `import { loadUser } from '../shared/user-row.js';`);
  if (isDecoyModule(global)) parts.push(`import type { AuditEvent } from '../shared/audit-event.js';`);
  parts.push('');
  const sections = [isUserModule(global) ? renderUserSection(n) : '', isDecoyModule(global) ? renderDecoySection(n) : ''].join('');
  const usedLines = parts.length + sections.split('\n').length + (chained ? 4 : 0);
  parts.push(renderFiller(pkg, index, 100 - usedLines));
  if (chained) parts.push(`export const chained${n} = score${pkg}_${index - 1}([]);\n`);
  parts.push(sections);
  return parts.join('\n');
}

/** Writes a strict, clean TypeScript project of `packages × modulesPerPackage` modules of ~100 lines each. */
export async function generateCodemodProject(root: string, options: GenerateOptions): Promise<GeneratedProject> {
  const result: GeneratedProject = { root, files: 0, lines: 0, userFiles: [], decoyFiles: [] };
  const write = async (relative: string, text: string): Promise<void> => {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), text);
    result.files += 1;
    result.lines += text.split('\n').length;
  };
  const tsconfig = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: [], strict: true, noEmit: true, skipLibCheck: true }, include: ['src'] };
  await write('tsconfig.json', `${JSON.stringify(tsconfig, null, 2)}\n`);
  await write('package.json', `${JSON.stringify({ name: 'bench-consumer', private: true, type: 'module' }, null, 2)}\n`);
  await write('src/shared/user-row.ts', userRow);
  await write('src/shared/audit-event.ts', auditEvent);
  for (let pkg = 0; pkg < options.packages; pkg++) {
    for (let index = 0; index < options.modulesPerPackage; index++) {
      const global = pkg * options.modulesPerPackage + index;
      const relative = `src/p${pkg}/m${index}.ts`;
      await write(relative, renderModule(pkg, index, global));
      if (isUserModule(global)) result.userFiles.push(relative);
      if (isDecoyModule(global)) result.decoyFiles.push(relative);
    }
  }
  return result;
}
