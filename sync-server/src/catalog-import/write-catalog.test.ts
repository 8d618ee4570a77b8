import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { productSchema } from '@pos/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Database } from '../db/database.ts';
import { runMigrations } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { prepareImport } from './import-file.ts';
import { UnknownTenantError, writeCatalog } from './write-catalog.ts';

const SQUARE = [
  'Token,Item Name,Variation Name,SKU,Category,GTIN,Price,Tax - NJ Sales Tax (6.625%)',
  'TOK1,Cargo Pants,"black, Small",J259005,CLOTHING,,138.00,N',
  'TOK2,Cap,Regular,657767H,ACCESSORIES,036000291452,24.00,Y',
  'TOK3,Scarf,Regular,5412535,ACCESSORIES,,32.00,Y',
].join('\r\n');

function prepare(now: string, csv = SQUARE) {
  return prepareImport('square.csv', new TextEncoder().encode(csv), now).catalog;
}

async function countByCollection(db: Database, tenantId: string): Promise<Record<string, number>> {
  const { rows } = await db.query<{ collection: string; n: number }>(
    `select collection, count(*)::int as n from documents where tenant_id = $1
     group by collection order by collection`,
    [tenantId],
  );
  return Object.fromEntries(rows.map((row) => [row.collection, row.n]));
}

describe('writeCatalog into PGlite', { timeout: 60_000 }, () => {
  let dir = '';
  let db: Database | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-import-'));
    db = await openDatabase({ pgliteDir: dir });
    await runMigrations(db);
    await db.query(`insert into tenants (id, name) values ('shop-1', 'Shop')`);
  }, 60_000);

  afterEach(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes products, categories and tax rates that pass the schemas', async () => {
    if (db === undefined) throw new Error('no database');
    await writeCatalog(db, 'shop-1', prepare('2025-01-01T00:00:00.000Z'));

    expect(await countByCollection(db, 'shop-1')).toEqual({
      categories: 2,
      products: 3,
      tax_rates: 1,
    });
    const { rows } = await db.query<{ data: unknown }>(
      `select data from documents where tenant_id = 'shop-1' and id = 'imp.square.TOK2'`,
    );
    const cap = productSchema.parse(rows[0]?.data);
    expect(cap).toMatchObject({
      sku: '657767H',
      barcodes: ['036000291452'],
      price: 2400,
      taxRateIds: ['imp.square.tax.nj-sales-tax'],
      categoryId: 'imp.square.cat.accessories',
    });
  });

  it('updates in place when the same file is imported again', async () => {
    if (db === undefined) throw new Error('no database');
    await writeCatalog(db, 'shop-1', prepare('2025-01-01T00:00:00.000Z'));
    const first = await db.query<{ seq: number }>(`select max(seq)::int as seq from documents`);

    const changed = SQUARE.replace('24.00', '26.00');
    await writeCatalog(db, 'shop-1', prepare('2025-02-01T00:00:00.000Z', changed));

    expect(await countByCollection(db, 'shop-1')).toEqual({
      categories: 2,
      products: 3,
      tax_rates: 1,
    });
    const { rows } = await db.query<{ price: number; seq: number; updated: string }>(
      `select (data ->> 'price')::int as price, seq::int as seq, data ->> 'updatedAt' as updated
       from documents where id = 'imp.square.TOK2'`,
    );
    // A fresh change sequence makes every till pull the new version.
    expect(rows[0]?.price).toBe(2600);
    expect(rows[0]?.updated).toBe('2025-02-01T00:00:00.000Z');
    expect(rows[0]?.seq).toBeGreaterThan(first.rows[0]?.seq ?? Infinity);
  });

  it('refuses a tenant that does not exist and writes nothing', async () => {
    if (db === undefined) throw new Error('no database');
    await expect(writeCatalog(db, 'nobody', prepare('2025-01-01T00:00:00.000Z'))).rejects.toThrow(
      UnknownTenantError,
    );

    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from documents');
    expect(rows[0]?.n).toBe(0);
  });
});
