import type { SqlToken } from './sql-token.js';

/** One part of a dotted name. A BigQuery `` `a.b.c` `` token holds several parts (`packed`). */
export type NamePart = {
  /** The name as written, without quotes. */
  name: string;
  quoted: boolean;
  token: SqlToken;
  /** The part's index among the parts its token holds. */
  index: number;
  packed: boolean;
};

/** A dotted name: `u.user_email`, `analytics.users_v1`, `` `acme-prod.crm.users` ``, `t.*`. */
export type NameChain = { parts: NamePart[]; tokens: SqlToken[]; start: number; end: number; star: boolean };

/** Lower-case key of a part, as dialects compare unquoted names. */
export function partKey(part: NamePart): string {
  return part.name.toLowerCase();
}

/** The parts of `chain` as plain names. */
export function chainNames(chain: NameChain): string[] {
  return chain.parts.map((part) => part.name);
}
