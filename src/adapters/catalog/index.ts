export type { BackstageCatalogOptions } from './backstage-catalog.js';
export { createBackstageCatalog } from './backstage-catalog.js';
export type { CreateCatalogOptions } from './create-catalog.js';
export { createCatalog } from './create-catalog.js';
export type { FilesCatalogOptions } from './files-catalog.js';
export { createFilesCatalog } from './files-catalog.js';
export { readCatalogDirectory } from './read-catalog-directory.js';
