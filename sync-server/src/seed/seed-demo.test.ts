import { collections, isCollectionName, storeSchema, validateGtin } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../db/database.ts';
import { runMigrations } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { readMaster } from '../replication/read-masters.ts';
import { writeDocumentsBatched } from '../replication/write-documents-batched.ts';
import type { StoredDocument } from '../replication/write-documents.ts';
import { stockOnHand } from '../stock/stock-on-hand.ts';
import { generateCatalog } from './generate-catalog.ts';
import { DEMO_SCANNING } from './plu-products.ts';
import { seedDemo } from './seed-demo.ts';
import { SETUP_TIMEOUT_MS } from '../testing/setup-timeout.ts';

describe('seedDemo', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ pgliteDir: 'memory://' });
    await runMigrations(db);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await db.close();
  });

  it('writes documents that all pass their collection schema', async () => {
    await seedDemo(db, { size: 300 });

    const { rows } = await db.query<{ collection: string; data: unknown }>(
      'select collection, data from documents',
      [],
    );
    const invalid = rows.filter(
      (row) =>
        !isCollectionName(row.collection) ||
        !collections[row.collection].schema.safeParse(row.data).success,
    );
    expect(rows.length).toBeGreaterThan(600);
    expect(invalid).toEqual([]);
  });

  it('is idempotent, and grows the catalogue when asked for more', async () => {
    const again = await seedDemo(db, { size: 300 });
    const larger = await seedDemo(db, { size: 320 });

    expect(again.written).toBe(0);
    expect(larger.written).toBe(40);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from dev_credentials`,
      [],
    );
    expect(rows[0]?.n).toBe(2);
  });

  it('gives a demo store seeded before scanning rules existed the demo scales, once', async () => {
    const { rows } = await db.query<{ data: Record<string, unknown> }>(
      `select data from documents where collection = 'stores' and id = 'store-main'`,
      [],
    );
    const { scanning: _scanning, ...older } = rows[0]?.data ?? {};
    await db.transaction((tx) =>
      writeDocumentsBatched(tx, 'demo', 'stores', [older as StoredDocument]),
    );

    const upgrade = await seedDemo(db, { size: 320 });
    const again = await seedDemo(db, { size: 320 });

    expect(upgrade.written).toBe(1);
    expect(again.written).toBe(0);
    const store = storeSchema.parse(await readMaster(db, 'demo', 'stores', 'store-main'));
    expect(store.scanning).toEqual(DEMO_SCANNING);
  });

  it('opens every product with 50 pieces on hand', async () => {
    const onHand = await stockOnHand(db, 'demo', 'store-main');
    expect(Object.keys(onHand)).toHaveLength(320 + 7);
    expect(new Set(Object.values(onHand))).toEqual(new Set([50_000]));
  });
});

describe('generateCatalog', () => {
  const products = generateCatalog(5000, '2026-01-01T00:00:00.000Z');

  it('is deterministic', () => {
    expect(generateCatalog(50, 'x')).toEqual(generateCatalog(50, 'x'));
  });

  it('gives every product one valid, unique EAN-13', () => {
    const codes = products.flatMap((product) => product.barcodes);
    expect(codes).toHaveLength(5000);
    expect(new Set(codes).size).toBe(5000);
    expect(codes.every((code) => validateGtin(code).ok && code.length === 13)).toBe(true);
  });

  it('mixes tax treatments and ways of selling', () => {
    const taxKinds = new Set(products.map((product) => product.taxRateIds.join('+')));
    expect(taxKinds).toEqual(new Set(['', 'tax-gst', 'tax-gst+tax-pst']));
    expect(products.some((product) => product.soldBy === 'weight')).toBe(true);
    expect(products.every((product) => Number.isInteger(product.price))).toBe(true);
  });
});
