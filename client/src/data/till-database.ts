import { collectionNames, type CollectionName } from '@pos/shared';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

import type { RxDoc } from './schema/collection-schema.ts';
import { localRxSchemas, replicatedRxSchemas } from './schema/rx-schemas.ts';
import type { ParkedCart } from './till-api.ts';

export type ReplicatedCollections = { [C in CollectionName]: RxCollection<RxDoc<C>> };

export type TillCollections = ReplicatedCollections & {
  parked_carts: RxCollection<ParkedCart>;
};

export type TillDatabase = RxDatabase<TillCollections>;

/** IndexedDB and RxDB names allow few characters, so anything else is hex-escaped (injective). */
export function tillDatabaseName(tenantId: string): string {
  const escaped = tenantId.replace(
    /[^a-zA-Z0-9]/g,
    (char) => `-${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `pos_${escaped}`;
}

export interface OpenTillDatabaseOptions {
  tenantId: string;
  /** Tests pass a validating storage; the till uses Dexie on IndexedDB. */
  storage?: RxStorage<unknown, unknown>;
  multiInstance?: boolean;
}

/**
 * One database per tenant, so a till that signs into another tenant never mixes their data.
 * Opens 12 collections: the 11 replicated ones and the local parked carts (free tier: 13).
 */
export async function openTillDatabase(options: OpenTillDatabaseOptions): Promise<TillDatabase> {
  const db = await createRxDatabase<TillCollections>({
    name: tillDatabaseName(options.tenantId),
    storage: options.storage ?? getRxStorageDexie(),
    multiInstance: options.multiInstance ?? true,
    eventReduce: true,
    closeDuplicates: true,
  });

  const replicated = Object.fromEntries(
    collectionNames.map((name) => [name, { schema: replicatedRxSchemas[name] }]),
  );
  await db.addCollections({ ...replicated, parked_carts: { schema: localRxSchemas.parked_carts } });

  return db;
}
