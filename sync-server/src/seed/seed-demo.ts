import { storeSchema, type CollectionName, type StockMovement } from '@pos/shared';

import { hashPassword } from '../auth/passwords.ts';
import type { Database, Queryable } from '../db/database.ts';
import { lockTenantWrites } from '../replication/lock-tenant-writes.ts';
import { readMaster } from '../replication/read-masters.ts';
import { writeDocumentsBatched } from '../replication/write-documents-batched.ts';
import type { StoredDocument } from '../replication/write-documents.ts';
import {
  DEMO_STORE_ID,
  DEMO_TENANT,
  demoCategories,
  demoDevice,
  demoStore,
  demoTaxRates,
  demoUsers,
} from './demo-organisation.ts';
import { generateCatalog } from './generate-catalog.ts';
import { DEMO_SCANNING, pluProducts } from './plu-products.ts';

export const DEMO_SIZE_DEFAULT = 300;
const OPENING_STOCK = 50_000;

export interface SeedResult {
  written: number;
  products: number;
}

/**
 * Seeds the demo tenant. Idempotent: documents that exist already are left as they are (a till
 * may have changed them), so running it again only adds what is missing, e.g. more products
 * for a larger size.
 */
export async function seedDemo(
  db: Database,
  options: { size?: number; now?: Date } = {},
): Promise<SeedResult> {
  const size = options.size ?? DEMO_SIZE_DEFAULT;
  const updatedAt = (options.now ?? new Date()).toISOString();
  const users = await demoUsers(updatedAt);
  const passwordHashes = await Promise.all(users.map((user) => hashPassword(user.password)));
  const products = [...generateCatalog(size, updatedAt), ...pluProducts(updatedAt)];

  return db.transaction(async (tx) => {
    await tx.query('insert into tenants (id, name) values ($1, $2) on conflict (id) do nothing', [
      DEMO_TENANT.id,
      DEMO_TENANT.name,
    ]);
    await lockTenantWrites(tx, DEMO_TENANT.id);

    const seedDocuments = async (collection: CollectionName, documents: StoredDocument[]) => {
      const existing = await existingIds(tx, collection);
      const missing = documents.filter((document) => !existing.has(document.id));
      await writeDocumentsBatched(tx, DEMO_TENANT.id, collection, missing);
      return missing.length;
    };

    let written = 0;
    written += await seedDocuments('stores', [demoStore(updatedAt)]);
    written += await addScanning(tx, updatedAt);
    written += await seedDocuments('devices', [demoDevice(updatedAt)]);
    written += await seedDocuments('tax_rates', demoTaxRates(updatedAt));
    written += await seedDocuments('categories', demoCategories(updatedAt));
    written += await seedDocuments(
      'staff',
      users.map((user) => user.staff),
    );
    written += await seedDocuments('products', products);
    written += await seedDocuments(
      'stock_movements',
      products.map((p) => openingStock(p.id, updatedAt)),
    );

    for (const [index, user] of users.entries()) {
      await tx.query(
        `insert into dev_credentials (user_id, tenant_id, email, password_hash)
         values ($1, $2, $3, $4) on conflict do nothing`,
        [user.staff.id, DEMO_TENANT.id, user.staff.email, passwordHashes[index]],
      );
    }

    return { written, products: products.length };
  });

  async function existingIds(tx: Queryable, collection: CollectionName): Promise<Set<string>> {
    const { rows } = await tx.query<{ id: string }>(
      'select id from documents where tenant_id = $1 and collection = $2',
      [DEMO_TENANT.id, collection],
    );
    return new Set(rows.map((row) => row.id));
  }
}

/**
 * A demo store seeded before stores described their scanners gets the demo scales' rules,
 * once; a store that already has rules keeps them.
 */
async function addScanning(tx: Queryable, updatedAt: string): Promise<number> {
  const store = storeSchema.safeParse(
    await readMaster(tx, DEMO_TENANT.id, 'stores', DEMO_STORE_ID),
  );
  if (!store.success || store.data.scanning !== undefined) return 0;

  const withScanning = { ...store.data, updatedAt, scanning: DEMO_SCANNING };
  await writeDocumentsBatched(tx, DEMO_TENANT.id, 'stores', [withScanning]);
  return 1;
}

function openingStock(productId: string, createdAt: string): StockMovement {
  return {
    id: `receive.opening.${productId}`,
    updatedAt: createdAt,
    _deleted: false,
    productId,
    storeId: DEMO_STORE_ID,
    quantity: OPENING_STOCK,
    reason: 'receive',
    saleId: null,
    createdBy: 'seed',
    createdAt,
  };
}
