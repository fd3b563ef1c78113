/** A GitHub repository by owner and name. */
export type RepoRef = { owner: string; name: string };
