import {
  CatalogError,
  collectConsumers,
  entityRefOf,
  findDatasetEntity,
  selectConsumerEntities,
  type Catalog,
  type LocatedEntity,
} from '../../core/catalog/index.js';
import { readCatalogDirectory } from './read-catalog-directory.js';

/** A directory of catalog YAML (`CATALOG=./catalog`, the default). */
export type FilesCatalogOptions = {
  directory: string;
  /** Hosts whose `backstage.io/source-location` URLs name GitHub repositories (default github.com). */
  githubHosts?: readonly string[];
};

/**
 * The catalog port over a directory of Backstage catalog files. It builds the relations itself
 * with Backstage's rules and re-reads the directory on every call, so edits show up without a restart.
 */
export function createFilesCatalog(options: FilesCatalogOptions): Catalog {
  const consumerOptions = options.githubHosts === undefined ? {} : { githubHosts: options.githubHosts };
  return {
    async findDataset(name) {
      const located = await readCatalogDirectory(options.directory);
      return withLocation(located, () => findDatasetEntity(located.map((item) => item.entity), name));
    },
    async consumersOf(dataset) {
      const located = await readCatalogDirectory(options.directory);
      return withLocation(located, () => collectConsumers(selectConsumerEntities(located.map((item) => item.entity), dataset), consumerOptions));
    },
  };
}

/** Adds the file and line of the entity at fault to a CatalogError the core raised without them. */
function withLocation<T>(located: readonly LocatedEntity[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CatalogError) || error.source !== undefined || error.entityRef === undefined) throw error;
    const where = located.find((item) => entityRefOf(item.entity) === error.entityRef);
    if (where === undefined) throw error;
    throw new CatalogError(error.code, error.message, { source: where.file, line: where.line, entityRef: error.entityRef, cause: error });
  }
}
