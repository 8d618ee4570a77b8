import {
  collections,
  type CollectionName,
  type PushResponse,
  type PushRow,
  type RejectedDocument,
  type Sale,
  type StockMovement,
} from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { acceptNewSale } from '../sales/accept-sale.ts';
import type { ChangeEvent } from './change-bus.ts';
import { quarantine } from './quarantine.ts';
import { readMasters } from './read-masters.ts';
import { clientPart, sameClientDocument } from './same-document.ts';
import { writeDocumentsBatched } from './write-documents-batched.ts';
import type { StoredDocument } from './write-documents.ts';

export interface PushContext {
  tenantId: string;
  userId: string;
  now: Date;
}

export interface PushOutcome {
  response: PushResponse<StoredDocument>;
  /** To publish once the transaction has committed. */
  changes: ChangeEvent[];
}

interface ValidRow {
  assumed: Record<string, unknown> | null;
  document: StoredDocument;
}

/**
 * Applies one push inside the caller's transaction (which already holds the tenant's write
 * lock). Each row ends as written, skipped (identical to the master), a conflict, or rejected
 * into quarantine; one bad row never stops the others.
 */
export async function applyPush(
  tx: Queryable,
  context: PushContext,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<PushOutcome> {
  const conflicts: StoredDocument[] = [];
  const rejected: RejectedDocument[] = [];
  const reject = async (entry: RejectedDocument, body: unknown) => {
    rejected.push(entry);
    await quarantine(tx, { ...context, collection, rejected: entry, body });
  };

  // Validate first: an invalid document is quarantined and never compared or written.
  const valid: ValidRow[] = [];
  for (const row of rows) {
    const parsed = collections[collection].schema.safeParse(row.newDocumentState);
    if (!parsed.success) {
      const id = row.newDocumentState['id'];
      const message = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      await reject(
        { id: typeof id === 'string' ? id : '', code: 'invalid_document', message },
        row,
      );
      continue;
    }
    // `server` belongs to the server: whatever a till sends there is ignored.
    const document = clientPart(parsed.data) as StoredDocument;
    valid.push({ assumed: row.assumedMasterState, document });
  }

  const masters = await readMasters(
    tx,
    context.tenantId,
    collection,
    valid.map((row) => row.document.id),
  );
  const toWrite = new Map<string, StoredDocument>();
  const movements: StockMovement[] = [];

  for (const { assumed, document } of valid) {
    const master = toWrite.get(document.id) ?? masters.get(document.id);

    if (master !== undefined) {
      // A retry of something already applied (its response was lost): nothing to do.
      if (sameClientDocument(master, document)) continue;

      // Sales are immutable; anything else must have been edited from the current master.
      const stale = assumed === null || !sameClientDocument(assumed, master);
      if (collection === 'sales' || stale) {
        conflicts.push(master);
        continue;
      }
      toWrite.set(document.id, document);
      continue;
    }

    if (collection === 'sales') {
      const pending = [...toWrite.values()] as Sale[];
      const decision = await acceptNewSale(
        tx,
        context.tenantId,
        document as Sale,
        context.now,
        pending,
      );
      if (decision.kind === 'rejected') {
        await reject(decision.rejected, document);
        continue;
      }
      toWrite.set(document.id, decision.sale);
      movements.push(...decision.movements);
      continue;
    }

    toWrite.set(document.id, document);
  }

  const changes: ChangeEvent[] = [];
  const written = await write(tx, context.tenantId, collection, [...toWrite.values()]);
  if (written) changes.push(written);
  const writtenMovements = await write(tx, context.tenantId, 'stock_movements', movements);
  if (writtenMovements) changes.push(writtenMovements);

  return { response: { conflicts, rejected }, changes };
}

async function write(
  tx: Queryable,
  tenantId: string,
  collection: CollectionName,
  documents: StoredDocument[],
): Promise<ChangeEvent | undefined> {
  const range = await writeDocumentsBatched(tx, tenantId, collection, documents);
  if (range === undefined) return undefined;
  return { tenantId, collection, documents, checkpoint: { seq: range.lastSeq } };
}
