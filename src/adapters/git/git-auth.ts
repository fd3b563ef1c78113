/**
 * Environment that hands git an installation token for one command only. Git ≥ 2.31 reads
 * config from GIT_CONFIG_COUNT/KEY/VALUE, so the token is never in argv (visible in `ps`),
 * never in the remote URL, and never written to `.git/config`.
 */
export function gitAuthEnv(token: string | undefined): Record<string, string> {
  const env: Record<string, string> = { GIT_TERMINAL_PROMPT: '0' };
  if (token === undefined) return env;
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return { ...env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` };
}

/** Replaces a token wherever it appears, for error messages that quote git's output. */
export function redactToken(text: string, token: string | undefined): string {
  if (token === undefined || token === '') return text;
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return text.split(token).join('***').split(basic).join('***');
}
