import type { Device, Staff, Store } from '@pos/shared';

import type { Database } from '../db/database.ts';
import { runMigrations } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { writeDocuments } from '../replication/write-documents.ts';
import { demoStore } from '../seed/demo-organisation.ts';
import { buildStaff } from '../testing/build-documents.ts';

const AT = '2026-03-02T09:00:00.000Z';

export const MAIN = 'store-main';
export const SECOND = 'store-second';
export const CLOSED = 'store-closed';

/** A store with the demo store's settings and its own id and discount limits. */
export function testStore(id: string, overrides: Partial<Store> = {}): Store {
  return { ...demoStore(AT), id, code: id.slice(-4).toUpperCase(), ...overrides };
}

export function testDevice(id: string, storeId: string): Device {
  return { id, updatedAt: AT, _deleted: false, storeId, code: 'T1', name: id };
}

export function testStaff(id: string, roles: Staff['roles'], storeIds: string[]): Staff {
  return buildStaff(id, { roles, storeIds });
}

/**
 * One tenant whose documents exercise every rule of the model: a closed store, a removed
 * member, an owner assigned to no store, a cashier in two stores.
 */
export const TEST_TENANT_DOCUMENTS = {
  stores: [
    testStore(MAIN, { discountLimits: { cashier: 10_000, manager: 50_000, owner: 100_000 } }),
    testStore(SECOND, { discountLimits: { cashier: 5_000, manager: 20_000, owner: 50_000 } }),
    testStore(CLOSED, { _deleted: true }),
  ],
  devices: [testDevice('device-main', MAIN), testDevice('device-closed', CLOSED)],
  staff: [
    testStaff('cashier', ['cashier'], [MAIN]),
    testStaff('manager', ['manager'], [MAIN]),
    testStaff('owner', ['owner'], []),
    testStaff('roaming', ['cashier'], [MAIN, SECOND, CLOSED]),
    { ...testStaff('removed', ['manager'], [MAIN]), _deleted: true },
  ],
} satisfies { stores: Store[]; devices: Device[]; staff: Staff[] };

/** A migrated database (in-memory PGlite without a URL) holding the tenant's documents. */
export async function openTestTenant(tenantId: string, databaseUrl?: string): Promise<Database> {
  const db = await openDatabase(databaseUrl === undefined ? {} : { databaseUrl });
  await runMigrations(db);
  await db.query('insert into tenants (id, name) values ($1, $1) on conflict do nothing', [
    tenantId,
  ]);
  await writeTestDocuments(db, tenantId, TEST_TENANT_DOCUMENTS);
  return db;
}

export async function writeTestDocuments(
  db: Database,
  tenantId: string,
  documents: { stores?: Store[]; devices?: Device[]; staff?: Staff[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    await writeDocuments(tx, tenantId, 'stores', documents.stores ?? []);
    await writeDocuments(tx, tenantId, 'devices', documents.devices ?? []);
    await writeDocuments(tx, tenantId, 'staff', documents.staff ?? []);
  });
}
