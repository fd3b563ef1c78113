import type { Probot } from 'probot';
import { z } from 'zod';
import type { GitHubClient } from './github-client.js';

/** What a workflow needs to act on one repository: its installation's client and a git token. */
export type RepoAccess = {
  installationId: number;
  octokit: GitHubClient;
  /** A fresh installation token for git over HTTPS; never store it. */
  token(): Promise<string>;
};

/** The workflows' port to GitHub: installation clients by repository or installation id. */
export type GitHubAccess = {
  forRepo(repo: { owner: string; name: string }): Promise<RepoAccess>;
  forInstallation(installationId: number): Promise<RepoAccess>;
  /** The App's own identity, for commits and for telling our comments from people's. */
  readApp(): Promise<{ slug: string; botLogin: string; botUserId: number }>;
};

const tokenSchema = z.object({ token: z.string().min(1) });
const appSchema = z.object({ slug: z.string().min(1) });
const userSchema = z.object({ id: z.number().int() });

/** GitHub access through a Probot instance: Probot's Octokit, so throttling and retries always apply. */
export function createGitHubAccess(probot: Probot): GitHubAccess {
  // Per instance, not module scope: installations rarely move, and a stale entry fails loudly (404).
  const installations = new Map<string, number>();
  let app: Promise<{ slug: string; botLogin: string; botUserId: number }> | undefined;

  async function forInstallation(installationId: number): Promise<RepoAccess> {
    const octokit = await probot.auth(installationId);
    return {
      installationId,
      octokit,
      async token() {
        return tokenSchema.parse(await octokit.auth({ type: 'installation', installationId })).token;
      },
    };
  }

  return {
    forInstallation,
    async forRepo(repo) {
      const key = `${repo.owner}/${repo.name}`.toLowerCase();
      let installationId = installations.get(key);
      if (installationId === undefined) {
        const appOctokit = await probot.auth();
        const { data } = await appOctokit.rest.apps.getRepoInstallation({ owner: repo.owner, repo: repo.name });
        installationId = data.id;
        installations.set(key, installationId);
      }
      return forInstallation(installationId);
    },
    readApp() {
      app ??= (async () => {
        const appOctokit = await probot.auth();
        const { data } = await appOctokit.rest.apps.getAuthenticated();
        const { slug } = appSchema.parse(data);
        const botLogin = `${slug}[bot]`;
        // The bot user is read with an installation token: an App's JWT only reaches /app routes.
        const { data: installed } = await appOctokit.rest.apps.listInstallations({ per_page: 1 });
        const [first] = installed;
        if (first === undefined) return { slug, botLogin, botUserId: 0 };
        const installationOctokit = await probot.auth(first.id);
        const user = await installationOctokit.rest.users.getByUsername({ username: botLogin });
        return { slug, botLogin, botUserId: userSchema.parse(user.data).id };
      })();
      return app;
    },
  };
}
