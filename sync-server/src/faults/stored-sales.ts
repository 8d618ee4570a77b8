import type { Sale } from '@pos/shared';
import pg from 'pg';
import { expect } from 'vitest';

import type { SimulatedTill } from './simulated-till.ts';

interface Counts {
  sales: Map<string, number>;
  movements: Map<string, number>;
  receipts: Map<string, number>;
  quarantined: string[];
}

/** What the server's database holds of these sales: rows per id, ledger lines per sale. */
export async function readStoredSales(
  databaseUrl: string,
  tenantId: string,
  ids: readonly string[],
): Promise<Counts> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (sql: string) => {
      const { rows } = await client.query<{ id: string; n: string }>(sql, [tenantId, [...ids]]);
      return new Map(rows.map((row) => [row.id, Number(row.n)]));
    };
    const sales = await count(
      `select id, count(*) as n from documents
       where tenant_id = $1 and collection = 'sales' and id = any($2) group by id`,
    );
    const movements = await count(
      `select data ->> 'saleId' as id, count(*) as n from documents
       where tenant_id = $1 and collection = 'stock_movements' and data ->> 'saleId' = any($2)
       group by 1`,
    );
    const receipts = await count(
      `select sale_id as id, count(*) as n from sale_receipts
       where tenant_id = $1 and sale_id = any($2) group by sale_id`,
    );
    const { rows } = await client.query<{ document_id: string }>(
      `select document_id from quarantine where tenant_id = $1 and document_id = any($2)`,
      [tenantId, [...ids]],
    );
    return { sales, movements, receipts, quarantined: rows.map((row) => row.document_id) };
  } finally {
    await client.end();
  }
}

/** Ids of these sales the server holds. */
export async function storedIds(
  databaseUrl: string,
  tenantId: string,
  sales: readonly Sale[],
): Promise<Set<string>> {
  const { sales: stored } = await readStoredSales(
    databaseUrl,
    tenantId,
    sales.map((sale) => sale.id),
  );
  return new Set(stored.keys());
}

/**
 * What must hold at any moment: every sale the till counts as delivered is on the server, and
 * every sale it still holds is either not there or there once (a lost answer). The till never
 * believes a sale is safe when it is not.
 */
export async function expectTillViewTrue(databaseUrl: string, till: SimulatedTill): Promise<void> {
  // Taken before the database is read: a sale acknowledged meanwhile was stored before that.
  const acknowledged = [...till.acknowledged];
  const stored = await storedIds(databaseUrl, till.tenantId, till.sold);
  const acknowledgedMissing = acknowledged.filter((id) => !stored.has(id));
  expect(acknowledgedMissing, 'acknowledged by the server but not stored').toEqual([]);
  expect(till.waiting.length + till.acknowledged.size).toBe(till.sold.length);
  expect(till.waiting.filter((sale) => till.acknowledged.has(sale.id))).toEqual([]);
}

/**
 * The promise after a fault: the till has nothing waiting, every sale it rang up is stored
 * exactly once with one receipt reservation and one stock movement per line, none was
 * quarantined, and none was refused.
 */
export async function expectEverySaleStoredOnce(
  databaseUrl: string,
  till: SimulatedTill,
): Promise<void> {
  expect(till.waiting).toEqual([]);
  expect(till.rejected).toEqual([]);
  const ids = till.sold.map((sale) => sale.id);
  const counts = await readStoredSales(databaseUrl, till.tenantId, ids);

  const expectedLines = new Map(till.sold.map((sale) => [sale.id, sale.lines.length]));
  expect(Object.fromEntries(counts.sales)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
  expect(Object.fromEntries(counts.receipts)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
  expect(Object.fromEntries(counts.movements)).toEqual(Object.fromEntries(expectedLines));
  expect(counts.quarantined).toEqual([]);
}
