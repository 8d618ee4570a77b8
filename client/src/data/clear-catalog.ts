import type { TillDatabase } from './till-database.ts';

/** What the server can always send again; nothing a till writes lives here. */
export const CATALOG_COLLECTIONS = ['products', 'categories', 'tax_rates'] as const;

/**
 * Drops the till's copy of the catalog to free space or start it over. Removing a collection
 * also removes its replication state, so the next open pulls it again from the first change.
 * Sales, shifts and everything else the till writes are other collections and stay untouched,
 * waiting ones included. The database cannot be used afterwards: close it and open it again.
 */
export async function clearCatalog(db: TillDatabase): Promise<void> {
  for (const name of CATALOG_COLLECTIONS) await db[name].remove();
}
