import 'fake-indexeddb/auto';

import type { Checkpoint } from '@pos/shared';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { describe, expect, it } from 'vitest';

import { clearCatalog } from './clear-catalog.ts';
import { PendingSales } from './pending-sales.ts';
import {
  sampleCategory,
  sampleProduct,
  sampleSale,
  sampleTaxRate,
} from './testing/sample-documents.ts';
import { validatingStorage } from './testing/test-database.ts';
import { openTillDatabase, type TillDatabase } from './till-database.ts';
import { insertableDocument } from './validate-document.ts';

type Doc = Record<string, unknown>;

/** Pulls products once from a fake server and says which checkpoint RxDB started from. */
async function pullProducts(db: TillDatabase): Promise<(Checkpoint | undefined)[]> {
  const asked: (Checkpoint | undefined)[] = [];
  const replication = replicateRxCollection<Doc, Checkpoint>({
    replicationIdentifier: 'pos-products-v1',
    collection: db.products as never,
    live: false,
    pull: {
      handler: (checkpoint) => {
        asked.push(checkpoint);
        const documents =
          checkpoint === undefined
            ? [1, 2].map((n): Doc & { _deleted: boolean } => ({
                ...insertableDocument('products', sampleProduct(n)),
                _deleted: false,
              }))
            : [];
        return Promise.resolve({ documents, checkpoint: { seq: 2 } as Checkpoint });
      },
    },
  });
  await replication.awaitInitialReplication();
  await replication.cancel();
  return asked;
}

describe('clearing the catalog cache', () => {
  it('drops products, categories and tax rates and their checkpoints, never a waiting sale', async () => {
    const tenantId = `clear-${Date.now().toString(36)}`;
    const storage = validatingStorage();
    const open = () => openTillDatabase({ tenantId, storage, multiInstance: false });

    let db = await open();
    await db.tax_rates.insert(insertableDocument('tax_rates', sampleTaxRate));
    await db.categories.insert(insertableDocument('categories', sampleCategory));
    const waiting = { ...sampleSale, server: undefined };
    await db.sales.insert(insertableDocument('sales', waiting));
    expect(await pullProducts(db)).toEqual([undefined]);
    expect(await db.products.count().exec()).toBe(2);
    // Pulled up to date: a second run starts from where the first stopped.
    expect((await pullProducts(db))[0]).toEqual({ seq: 2 });

    await clearCatalog(db);
    await db.close();
    db = await open();

    expect(await db.products.count().exec()).toBe(0);
    expect(await db.categories.count().exec()).toBe(0);
    expect(await db.tax_rates.count().exec()).toBe(0);
    const pending = new PendingSales(db, sampleSale.deviceId);
    await pending.ready;
    expect([...pending.sales()].map((sale) => sale.id)).toEqual([sampleSale.id]);
    pending.close();

    // The re-download starts from the first change again.
    expect((await pullProducts(db))[0]).toBeUndefined();
    expect(await db.products.count().exec()).toBe(2);
    await db.close();
  });
});
