// What a child process (git, a consumer's verify command) may inherit: enough to run, and no secrets.
const inherited = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'SYSTEMROOT'] as const;

/** The parts of this process's environment a child process may see; never tokens, keys or URLs with credentials. */
export function readChildProcessEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of inherited) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}
