import {
  deviceSchema,
  staffSchema,
  storeSchema,
  type CollectionName,
  type Device,
  type Staff,
  type Store,
} from '@pos/shared';
import type { z } from 'zod';

import { staffSubject } from '../auth/staff-member.ts';
import type { Queryable } from '../db/database.ts';
import { readMasters } from '../replication/read-masters.ts';
import type { AuthzFacts, FactsWanted } from './authz-facts.ts';

/** The documents that decide permissions in one tenant, live ones only. */
export interface TenantAuthzDocuments {
  stores: Store[];
  staff: Staff[];
  devices: Device[];
}

/** Every live store, staff member and device of the tenant, for a full rewrite in Permify. */
export async function readTenantAuthzDocuments(
  db: Queryable,
  tenantId: string,
): Promise<TenantAuthzDocuments> {
  const { rows } = await db.query<{ collection: string; data: unknown }>(
    `select collection, data from documents
     where tenant_id = $1 and collection = any($2::text[]) and not deleted
     order by collection, id`,
    [tenantId, ['stores', 'staff', 'devices']],
  );
  const of = (collection: CollectionName) =>
    rows.filter((row) => row.collection === collection).map((row) => row.data);

  return {
    stores: liveOnly(storeSchema, of('stores')),
    staff: liveOnly(staffSchema, of('staff')),
    devices: liveOnly(deviceSchema, of('devices')),
  };
}

/** Only the staff and stores some questions name, read by id. */
export async function readAuthzFacts(
  db: Queryable,
  tenantId: string,
  wanted: FactsWanted,
): Promise<AuthzFacts> {
  const [staffDocs, storeDocs] = await Promise.all([
    readMasters(db, tenantId, 'staff', wanted.userIds),
    readMasters(db, tenantId, 'stores', wanted.storeIds),
  ]);
  return factsOf(
    liveOnly(staffSchema, [...staffDocs.values()]),
    liveOnly(storeSchema, [...storeDocs.values()]),
  );
}

export function factsOf(staff: readonly Staff[], stores: readonly Store[]): AuthzFacts {
  return {
    subjects: new Map(staff.map((member) => [member.id, staffSubject(member)])),
    stores: new Map(stores.map((store) => [store.id, { discountLimits: store.discountLimits }])),
  };
}

// A document the schema refuses grants nothing rather than failing every check of the tenant.
function liveOnly<S extends z.ZodType<{ _deleted: boolean }>>(
  schema: S,
  documents: readonly unknown[],
): z.infer<S>[] {
  return documents.flatMap((document) => {
    const parsed = schema.safeParse(document);
    return parsed.success && !parsed.data._deleted ? [parsed.data] : [];
  });
}
