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
    expect(rows[0]?.n).toBe(6);
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

  it('seeds the harbour tenant beside the demo, each with its own staff and sign-ins', async () => {
    const result = await seedDemo(db, { size: 320 });
    const { rows: staff } = await db.query<{ tenant_id: string; id: string; roles: string }>(
      `select tenant_id, id, data ->> 'roles' as roles from documents
       where collection = 'staff' order by tenant_id, id`,
      [],
    );
    const { rows: credentials } = await db.query<{ tenant_id: string; email: string }>(
      'select tenant_id, email from dev_credentials order by tenant_id, email',
      [],
    );
    const harbour = storeSchema.parse(await readMaster(db, 'harbour', 'stores', 'store-harbour'));
    const till = await readMaster(db, 'harbour', 'devices', 'device-h1');

    expect(result.tenantIds).toEqual(['demo', 'harbour']);
    expect(staff).toEqual([
      { tenant_id: 'demo', id: 'staff-cashier', roles: '["cashier"]' },
      { tenant_id: 'demo', id: 'staff-manager', roles: '["manager"]' },
      { tenant_id: 'demo', id: 'staff-owner', roles: '["owner"]' },
      { tenant_id: 'harbour', id: 'staff-harbour-cashier', roles: '["cashier"]' },
      { tenant_id: 'harbour', id: 'staff-harbour-manager', roles: '["manager"]' },
      { tenant_id: 'harbour', id: 'staff-harbour-owner', roles: '["owner"]' },
    ]);
    expect(credentials.map((row) => `${row.tenant_id} ${row.email}`)).toEqual([
      'demo cashier@demo.test',
      'demo manager@demo.test',
      'demo owner@demo.test',
      'harbour cashier@harbour.test',
      'harbour manager@harbour.test',
      'harbour owner@harbour.test',
    ]);
    expect(harbour).toMatchObject({ code: 'HC', timezone: 'America/Halifax' });
    expect(till).toMatchObject({ storeId: 'store-harbour', code: 'H1' });
    expect(Object.keys(await stockOnHand(db, 'harbour', 'store-harbour'))).toHaveLength(8);
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
