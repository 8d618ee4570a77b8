import type { RxCollection, RxDocumentData } from 'rxdb';
import { fromDexieToStorage } from 'rxdb/plugins/storage-dexie';

interface DexieState {
  dexieTable: { toArray(): Promise<unknown[]> };
  booleanIndexes: string[];
}

function isDexieState(value: unknown): value is DexieState {
  return (
    typeof value === 'object' &&
    value !== null &&
    'dexieTable' in value &&
    'booleanIndexes' in value
  );
}

/**
 * Every live document of a collection, read as fast as the storage allows. RxDB's Dexie
 * queries walk an IndexedDB cursor one document at a time, which takes seconds for 50,000
 * products; with Dexie underneath this reads the table in one getAll instead. Other storages
 * (tests, a future one) go through a normal query.
 */
export async function readAllDocuments<T>(
  collection: RxCollection<T>,
): Promise<RxDocumentData<T>[]> {
  const internals: unknown = await (collection.storageInstance.internals as unknown);
  if (isDexieState(internals)) {
    const rows: unknown[] = await internals.dexieTable.toArray();
    return rows
      .map((row) => fromDexieToStorage<T>(internals.booleanIndexes, row))
      .filter((doc) => !doc._deleted);
  }

  const docs = await collection.find().exec();
  return docs.map((doc) => doc._data);
}
