import type { SqlDialect, SqlToken } from './sql-token.js';
import { SqlInputError } from './sql-input-error.js';

function describeToken(token: SqlToken): string {
  if (token.kind === 'eof') return 'end of file';
  const text = token.text.length > 40 ? `${token.text.slice(0, 37)}...` : token.text;
  return JSON.stringify(text.replace(/\s+/g, ' '));
}

/** A read position over a token list, with the small vocabulary a recursive-descent parser needs. */
export class SqlCursor {
  readonly dialect: SqlDialect;
  private readonly tokens: SqlToken[];
  private index = 0;

  constructor(tokens: readonly SqlToken[], dialect: SqlDialect) {
    this.tokens = [...tokens];
    this.dialect = dialect;
  }

  get position(): number {
    return this.index;
  }

  set position(index: number) {
    this.index = index;
  }

  /** The token `offset` ahead; past the end, the end-of-file token. */
  peek(offset = 0): SqlToken {
    const last = this.tokens[this.tokens.length - 1];
    if (last === undefined) throw new Error('token list without end-of-file token');
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] ?? last;
  }

  /** The token just consumed, if any. */
  previous(): SqlToken | undefined {
    return this.index === 0 ? undefined : this.tokens[this.index - 1];
  }

  next(): SqlToken {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  /** Whether the token `offset` ahead is the unquoted keyword `word` (any case). */
  atWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'word' && token.value.toUpperCase() === word;
  }

  /** Whether the next tokens are these unquoted keywords, in order. */
  atWords(...words: string[]): boolean {
    return words.every((word, offset) => this.atWord(word, offset));
  }

  /** Consumes the keywords if they all come next; otherwise consumes nothing. */
  acceptWords(...words: string[]): boolean {
    if (!this.atWords(...words)) return false;
    this.index += words.length;
    return true;
  }

  expectWords(context: string, ...words: string[]): void {
    for (const word of words) {
      if (!this.acceptWords(word)) this.fail(word, context);
    }
  }

  atSymbol(symbol: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'symbol' && token.text === symbol;
  }

  acceptSymbol(symbol: string): boolean {
    if (!this.atSymbol(symbol)) return false;
    this.index += 1;
    return true;
  }

  expectSymbol(symbol: string, context: string): SqlToken {
    const token = this.peek();
    if (!this.acceptSymbol(symbol)) this.fail(JSON.stringify(symbol), context);
    return token;
  }

  /**
   * Consumes one `>` closing a type parameter list, splitting a `>>` (or `>=`) the tokenizer read
   * as one operator, as `ARRAY<STRUCT<a INT64>>` needs.
   */
  expectAngleClose(context: string): void {
    const token = this.peek();
    if (token.kind !== 'symbol' || !token.text.startsWith('>')) this.fail('">"', context);
    if (token.text === '>') {
      this.index += 1;
      return;
    }
    this.tokens[this.index] = { ...token, text: token.text.slice(1), value: token.value.slice(1), start: token.start + 1 };
  }

  /** The line to report for the next token: the last real token's line at the end of the text. */
  lineHere(): number {
    const token = this.peek();
    if (token.kind !== 'eof') return token.line;
    return this.tokens[this.tokens.length - 2]?.endLine ?? token.line;
  }

  /** Throws `expected <what> <context>, found "<next token>"` at the next token's line. */
  fail(expected: string, context?: string): never {
    const where = context === undefined || context.trim() === '' ? '' : ` ${context.trim()}`;
    throw new SqlInputError('invalid-syntax', `expected ${expected}${where}, found ${describeToken(this.peek())}`, this.lineHere());
  }
}
