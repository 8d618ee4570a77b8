import { deviceSchema, newId, storeSchema, type Device } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import type { ChangeEvent } from '../replication/change-bus.ts';
import { readMaster } from '../replication/read-masters.ts';
import { writeDocumentsBatched } from '../replication/write-documents-batched.ts';

export interface ClaimRequest {
  tenantId: string;
  userId: string;
  installationId: string;
  storeId: string;
  now: Date;
}

export interface ClaimOutcome {
  device: Device;
  change: ChangeEvent | undefined;
}

const TILL_CODE = /^T(\d+)$/;

/**
 * Gives a till installation its device, in a transaction holding the tenant's write lock so two
 * new tills never get the same one. The same installation always gets its device back; a new
 * one takes a device nobody claimed yet, or a new device with the next code (T2, T3, …).
 */
export async function claimDevice(tx: Queryable, request: ClaimRequest): Promise<ClaimOutcome> {
  const { tenantId, installationId, storeId } = request;

  const store = storeSchema.safeParse(await readMaster(tx, tenantId, 'stores', storeId));
  if (!store.success || store.data._deleted) {
    throw new ApiError('not_found', `store ${storeId} does not exist`);
  }

  const { rows: claimed } = await tx.query<{ device_id: string; store_id: string }>(
    `select device_id, store_id from device_installations
     where tenant_id = $1 and installation_id = $2`,
    [tenantId, installationId],
  );
  const previous = claimed[0];
  if (previous !== undefined) {
    if (previous.store_id !== storeId) {
      throw new ApiError('conflict', 'this installation already belongs to another store');
    }
    const device = deviceSchema.parse(
      await readMaster(tx, tenantId, 'devices', previous.device_id),
    );
    return { device, change: undefined };
  }

  const { rows } = await tx.query<{ data: unknown; claimed: boolean }>(
    `select d.data, i.device_id is not null as claimed
     from documents d
     left join device_installations i on i.tenant_id = d.tenant_id and i.device_id = d.id
     where d.tenant_id = $1 and d.collection = 'devices' and not d.deleted
       and d.data ->> 'storeId' = $2`,
    [tenantId, storeId],
  );
  const devices = rows.map((row) => ({
    device: deviceSchema.parse(row.data),
    claimed: row.claimed,
  }));
  const free = devices
    .filter((entry) => !entry.claimed)
    .map((entry) => entry.device)
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))[0];

  let device = free;
  let change: ChangeEvent | undefined;
  if (device === undefined) {
    device = newTill(
      storeId,
      devices.map((entry) => entry.device.code),
      request.now,
    );
    const range = await writeDocumentsBatched(tx, tenantId, 'devices', [device]);
    change = range && {
      tenantId,
      collection: 'devices',
      documents: [device],
      checkpoint: { seq: range.lastSeq },
    };
  }

  await tx.query(
    `insert into device_installations (tenant_id, installation_id, store_id, device_id, claimed_by)
     values ($1, $2, $3, $4, $5)`,
    [tenantId, installationId, storeId, device.id, request.userId],
  );
  return { device, change };
}

function newTill(storeId: string, codes: readonly string[], now: Date): Device {
  const highest = Math.max(0, ...codes.map((code) => Number(TILL_CODE.exec(code)?.[1] ?? 0)));
  const number = highest + 1;
  return {
    id: newId(),
    updatedAt: now.toISOString(),
    _deleted: false,
    storeId,
    code: `T${number}`,
    name: `Till ${number}`,
  };
}
