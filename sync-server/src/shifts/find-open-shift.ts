import { shiftSchema, type Shift } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import type { StoredDocument } from '../replication/write-documents.ts';

/**
 * Another shift still open on the same device, if any. Versions accepted earlier in the same
 * push (`pending`) replace the stored ones, so a shift closed a row before counts as closed.
 */
export async function findOtherOpenShift(
  tx: Queryable,
  tenantId: string,
  shift: Pick<Shift, 'id' | 'deviceId'>,
  pending: ReadonlyMap<string, StoredDocument>,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from documents
     where tenant_id = $1 and collection = 'shifts' and not deleted
       and data ->> 'deviceId' = $2 and data ->> 'status' = 'open' and id <> $3
     order by id`,
    [tenantId, shift.deviceId, shift.id],
  );
  const stored = rows.map((row) => row.id).filter((id) => !pending.has(id));

  const inPush = [...pending.values()].flatMap((document) => {
    const parsed = shiftSchema.safeParse(document);
    if (!parsed.success) return [];
    const other = parsed.data;
    const open = other.status === 'open' && !other._deleted;
    return open && other.deviceId === shift.deviceId && other.id !== shift.id ? [other.id] : [];
  });

  return [...stored, ...inPush][0];
}
