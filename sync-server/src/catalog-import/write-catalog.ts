import type { Database } from '../db/database.ts';
import { writeDocuments } from '../replication/write-documents.ts';
import type { BuiltCatalog } from './build-catalog.ts';

export class UnknownTenantError extends Error {
  override readonly name = 'UnknownTenantError';
}

/**
 * Writes the whole catalog in one transaction, so a failed import leaves the tenant's catalog
 * as it was. Tax rates and categories go first so no till ever pulls a product whose
 * category or tax it does not have yet.
 */
export async function writeCatalog(
  db: Database,
  tenantId: string,
  catalog: BuiltCatalog,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query('select 1 from tenants where id = $1', [tenantId]);
    if (rows.length === 0) {
      throw new UnknownTenantError(`tenant "${tenantId}" does not exist`);
    }

    await writeDocuments(tx, tenantId, 'tax_rates', catalog.taxRates);
    await writeDocuments(tx, tenantId, 'categories', catalog.categories);
    await writeDocuments(tx, tenantId, 'products', catalog.products);
  });
}
