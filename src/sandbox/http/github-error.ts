/** One entry of a 422's `errors`, as GitHub reports which field of which resource was wrong. */
export type ValidationErrorItem = { resource: string; field?: string; code: string; message?: string; value?: unknown };

const docsBase = 'https://docs.github.com/rest';

/**
 * A response GitHub would give instead of success (404, 422, 409, …), thrown by operations and
 * rendered by the server in GitHub's error shape: `{ message, documentation_url, errors?, status }`.
 */
export class GitHubError extends Error {
  readonly code = 'SANDBOX_GITHUB_ERROR';
  constructor(
    readonly status: number,
    message: string,
    readonly errors: readonly ValidationErrorItem[] | undefined = undefined,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly documentationUrl = docsBase,
  ) {
    super(message);
    this.name = 'GitHubError';
  }

  body(): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.errors === undefined ? {} : { errors: this.errors }),
      documentation_url: this.documentationUrl,
      status: String(this.status),
    };
  }
}

export function notFound(): GitHubError {
  return new GitHubError(404, 'Not Found');
}

/** 422 "Validation Failed" with GitHub's `errors` list. */
export function validationFailed(errors: readonly ValidationErrorItem[]): GitHubError {
  return new GitHubError(422, 'Validation Failed', errors);
}

export function badCredentials(): GitHubError {
  return new GitHubError(401, 'Bad credentials');
}
