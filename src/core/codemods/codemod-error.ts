/** An unexpected failure of the engine or a transform (a bug, not an outcome): it has a stable code. */
export class CodemodError extends Error {
  override readonly name = 'CodemodError';
  readonly code: 'invalid-edit' | 'no-program';

  constructor(code: CodemodError['code'], message: string) {
    super(message);
    this.code = code;
  }
}
