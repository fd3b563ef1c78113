import { isKeyword, isSymbol } from './sql-token.js';
import type { CteEnv, Parser, Range } from './sql-parser.js';
import { closeOf, findAtDepth0, findChangedColumn } from './sql-parser.js';
import { statementStarts } from './sql-keywords.js';
import { parseWith } from './parse-query.js';
import { parseInsert } from './parse-insert.js';
import { parseUpdate } from './parse-update.js';
import { parseDelete } from './parse-delete.js';
import { parseMerge } from './parse-merge.js';
import { readNameChain } from './read-name-chain.js';
import { findDatasetName } from './table-name.js';

/** A statement we do not analyse is a site when it names the dataset's table. */
function recordUnsupported(parser: Parser, range: Range): void {
  const first = parser.tokens[range.start];
  if (first === undefined) return;
  const columns = new Set<string>();
  let mentionsDataset = false;
  for (let index = range.start; index < range.end; index += 1) {
    const read = readNameChain(parser, index, range.end, true);
    if (read === undefined) continue;
    if (findDatasetName(read.chain.parts.map((part) => part.name), parser.datasetNames) !== undefined) mentionsDataset = true;
    for (const part of read.chain.parts) {
      const column = findChangedColumn(parser, part);
      if (column !== undefined) columns.add(column);
    }
    index = read.next - 1;
  }
  if (mentionsDataset) parser.sites.push({ kind: 'unsupported', at: first.start, statement: first.text.toUpperCase(), columns, mentionsDataset });
}

function parseBody(parser: Parser, range: Range, ctes: CteEnv): void {
  const first = parser.tokens[range.start];
  if (isKeyword(first, 'SELECT', 'VALUES', 'TABLE') || isSymbol(first, '(')) parser.parseQuery(range, undefined, ctes, 'output');
  else if (isKeyword(first, 'INSERT', 'REPLACE', 'UPSERT')) parseInsert(parser, range, ctes);
  else if (isKeyword(first, 'UPDATE')) parseUpdate(parser, range, ctes);
  else if (isKeyword(first, 'DELETE')) parseDelete(parser, range, ctes);
  else if (isKeyword(first, 'MERGE')) parseMerge(parser, range, ctes);
  else recordUnsupported(parser, range);
}

/**
 * Parses one statement. Leading holes (a dbt `{{ config(…) }}`) are skipped; `WITH` may lead any
 * statement; `EXPLAIN` and `CREATE … AS <query>` wrap one; anything else that names the dataset or
 * a changed column is reported as not analysed.
 */
export function parseStatement(parser: Parser, range: Range): void {
  let start = range.start;
  while (parser.tokens[start]?.kind === 'hole' && start + 1 < range.end) start += 1;
  const first = parser.tokens[start];
  if (first === undefined || start >= range.end) return;
  if (first.kind === 'word') parser.lowerKeywords = first.text === first.text.toLowerCase();
  if (isKeyword(first, 'EXPLAIN')) {
    let cursor = start + 1;
    if (isSymbol(parser.tokens[cursor], '(')) cursor = closeOf(parser, cursor) + 1;
    while (isKeyword(parser.tokens[cursor], 'ANALYZE', 'ANALYSE', 'VERBOSE', 'QUERY', 'PLAN')) cursor += 1;
    parseStatement(parser, { start: cursor, end: range.end });
    return;
  }
  if (isKeyword(first, 'CREATE')) {
    const as = findAtDepth0(parser, start, range.end, (token, index) => isKeyword(token, 'AS') && (isKeyword(parser.tokens[index + 1], 'SELECT', 'WITH') || isSymbol(parser.tokens[index + 1], '(')));
    if (as < range.end) parser.parseQuery({ start: as + 1, end: range.end }, undefined, undefined, 'output');
    else recordUnsupported(parser, { start, end: range.end });
    return;
  }
  if (isKeyword(first, 'WITH')) {
    const parsed = parseWith(parser, start, range.end, undefined, undefined);
    parseBody(parser, { start: parsed.next, end: range.end }, parsed.ctes);
    return;
  }
  if (first.kind === 'word' && !statementStarts.has(first.value)) {
    recordUnsupported(parser, { start, end: range.end });
    return;
  }
  parseBody(parser, { start, end: range.end }, undefined);
}

/** Splits the token stream into statements at `;` of depth 0 and parses each. */
export function parseStatements(parser: Parser): void {
  let start = 0;
  const end = parser.tokens.length;
  while (start < end) {
    const semicolon = findAtDepth0(parser, start, end, (token) => token.kind === 'punct' && token.text === ';');
    const first = parser.tokens[start];
    const last = parser.tokens[semicolon - 1];
    if (first !== undefined && last !== undefined && semicolon > start) parser.statements.push({ start: first.start, end: last.end });
    parseStatement(parser, { start, end: semicolon });
    start = semicolon + 1;
  }
}

