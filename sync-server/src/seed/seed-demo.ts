import { storeSchema, type StockMovement } from '@pos/shared';

import { hashPassword } from '../auth/passwords.ts';
import type { Database, Queryable } from '../db/database.ts';
import { readMaster } from '../replication/read-masters.ts';
import { writeDocumentsBatched } from '../replication/write-documents-batched.ts';
import {
  DEMO_STORE_ID,
  DEMO_TENANT,
  demoCategories,
  demoDevice,
  demoStore,
  demoTaxRates,
  demoUsers,
  type DemoUser,
} from './demo-organisation.ts';
import { generateCatalog } from './generate-catalog.ts';
import {
  HARBOUR_STORE_ID,
  HARBOUR_TENANT,
  harbourCategories,
  harbourDevice,
  harbourProducts,
  harbourStore,
  harbourTaxRates,
  harbourUsers,
} from './harbour-organisation.ts';
import { DEMO_SCANNING, pluProducts } from './plu-products.ts';
import { seedTenant, type TenantSeed } from './seed-tenant.ts';

export const DEMO_SIZE_DEFAULT = 300;

const OPENING_STOCK = 50_000;

export interface SeedResult {
  written: number;
  products: number;
  /** Every tenant seeded, whether or not anything was missing: each needs a permission sync. */
  tenantIds: string[];
}

/**
 * Seeds the demo tenant (`size` generated products) and the small harbour tenant. Idempotent:
 * documents that exist already are left as they are (a till may have changed them), so
 * running it again only adds what is missing, e.g. more products for a larger size. The
 * caller syncs the permission backend for `tenantIds` once this has committed.
 */
export async function seedDemo(
  db: Database,
  options: { size?: number; now?: Date } = {},
): Promise<SeedResult> {
  const size = options.size ?? DEMO_SIZE_DEFAULT;
  const updatedAt = (options.now ?? new Date()).toISOString();

  const demoCatalog = [...generateCatalog(size, updatedAt), ...pluProducts(updatedAt)];
  const harbourCatalog = harbourProducts(updatedAt);
  const demo = await withHashes(await demoUsers(updatedAt));
  const harbour = await withHashes(await harbourUsers(updatedAt));

  const seeds: TenantSeed[] = [
    {
      tenant: DEMO_TENANT,
      documents: [
        ['stores', [demoStore(updatedAt)]],
        ['devices', [demoDevice(updatedAt)]],
        ['tax_rates', demoTaxRates(updatedAt)],
        ['categories', demoCategories(updatedAt)],
        ['products', demoCatalog],
        ['stock_movements', demoCatalog.map((p) => openingStock(p.id, DEMO_STORE_ID, updatedAt))],
      ],
      ...demo,
    },
    {
      tenant: HARBOUR_TENANT,
      documents: [
        ['stores', [harbourStore(updatedAt)]],
        ['devices', [harbourDevice(updatedAt)]],
        ['tax_rates', harbourTaxRates(updatedAt)],
        ['categories', harbourCategories(updatedAt)],
        ['products', harbourCatalog],
        [
          'stock_movements',
          harbourCatalog.map((p) => openingStock(p.id, HARBOUR_STORE_ID, updatedAt)),
        ],
      ],
      ...harbour,
    },
  ];

  const written = await db.transaction(async (tx) => {
    let count = 0;
    for (const seed of seeds) count += await seedTenant(tx, seed);
    return count + (await addScanning(tx, updatedAt));
  });
  return {
    written,
    products: demoCatalog.length + harbourCatalog.length,
    tenantIds: seeds.map((seed) => seed.tenant.id),
  };
}

async function withHashes(
  users: DemoUser[],
): Promise<{ users: DemoUser[]; passwordHashes: string[] }> {
  const passwordHashes = await Promise.all(users.map((user) => hashPassword(user.password)));
  return { users, passwordHashes };
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

function openingStock(productId: string, storeId: string, createdAt: string): StockMovement {
  return {
    id: `receive.opening.${productId}`,
    updatedAt: createdAt,
    _deleted: false,
    productId,
    storeId,
    quantity: OPENING_STOCK,
    reason: 'receive',
    saleId: null,
    createdBy: 'seed',
    createdAt,
  };
}
