import { initStoreMigration } from './0001-init.js';
import { campaignsStoreMigration } from './0002-campaigns.js';

/** One evolution of the store's own tables. */
export type StoreMigration = { readonly id: string; readonly sql: string };

/** Every store migration, in the order they apply. Append only; never edit an applied one. */
export const storeMigrations: readonly StoreMigration[] = [initStoreMigration, campaignsStoreMigration];
