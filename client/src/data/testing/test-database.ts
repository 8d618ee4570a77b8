import 'fake-indexeddb/auto';

import { addRxPlugin, type RxStorage } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';

import { openTillDatabase, type TillDatabase } from '../till-database.ts';

// Dev-mode checks every schema and query, and ajv checks every write against the RxDB schema.
// Tests only: the till never ships either.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);

let counter = 0;

export function validatingStorage(): RxStorage<unknown, unknown> {
  return wrappedValidateAjvStorage({ storage: getRxStorageDexie() }) as RxStorage<unknown, unknown>;
}

/** A fresh tenant database per call; close it after the test (RxDB allows 13 collections). */
export function openTestDatabase(): Promise<TillDatabase> {
  counter += 1;
  return openTillDatabase({
    tenantId: `test-${Date.now().toString(36)}-${counter}`,
    storage: validatingStorage(),
    multiInstance: false,
  });
}
