import {
  collections,
  type CollectionName,
  type PushResponse,
  type PushRow,
  type RejectedDocument,
  type StockMovement,
} from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import type { ChangeEvent } from './change-bus.ts';
import type { PushContext, PushNotice } from './push-rule.ts';
import { pushRuleFor } from './push-rules.ts';
import { quarantine } from './quarantine.ts';
import { readMasters } from './read-masters.ts';
import { clientPart, sameClientDocument, sameJson } from './same-document.ts';
import { isStorable, makeStorable } from './storable-text.ts';
import { writeDocumentsBatched } from './write-documents-batched.ts';
import type { StoredDocument } from './write-documents.ts';

export type { PushContext } from './push-rule.ts';

export interface PushOutcome {
  response: PushResponse<StoredDocument>;
  /** To publish once the transaction has committed. */
  changes: ChangeEvent[];
  /** For the route to log. */
  notices: PushNotice[];
}

interface ValidRow {
  assumed: Record<string, unknown> | null;
  document: StoredDocument;
  /** As pushed, `server` included: tells whether the till already has the master's. */
  pushed: Record<string, unknown>;
}

/**
 * Applies one push inside the caller's transaction (which already holds the tenant's write
 * lock). Each row ends as written, skipped (identical to the master), a conflict, or rejected
 * into quarantine; one bad row never stops the others. The collection's rule adds its own
 * checks (sales, shifts, customers) and follow-ups.
 */
export async function applyPush(
  tx: Queryable,
  context: PushContext,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<PushOutcome> {
  const rule = pushRuleFor(collection);
  const conflicts: StoredDocument[] = [];
  const rejected: RejectedDocument[] = [];
  const reject = async (entry: RejectedDocument, body: unknown) => {
    rejected.push(entry);
    await quarantine(tx, { ...context, collection, rejected: entry, body });
  };

  // Validate first: an invalid document is quarantined and never compared or written.
  const valid: ValidRow[] = [];
  for (const row of rows) {
    // Text jsonb cannot hold would fail the whole transaction, so the till would retry the
    // batch forever: such a row alone is quarantined, as a sanitised copy.
    if (!isStorable(row.newDocumentState)) {
      const id = makeStorable(row.newDocumentState['id']).value;
      await reject(
        {
          id: typeof id === 'string' ? id : '',
          code: 'unstorable_text',
          message: 'the document contains U+0000 or a lone UTF-16 surrogate',
        },
        row,
      );
      continue;
    }

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
    valid.push({ assumed: row.assumedMasterState, document, pushed: parsed.data });
  }
  const priority = rule.priority;
  if (priority !== undefined) {
    valid.sort((a, b) => priority(a.document) - priority(b.document));
  }

  const masters = await readMasters(
    tx,
    context.tenantId,
    collection,
    valid.map((row) => row.document.id),
  );
  const toWrite = new Map<string, StoredDocument>();
  const movements: StockMovement[] = [];

  for (const { assumed, document, pushed } of valid) {
    const master = toWrite.get(document.id) ?? masters.get(document.id);

    if (master !== undefined) {
      // A retry of something already applied (its response was lost): nothing to write. If the
      // master carries what the server added (a sale's `server`) and the till's copy does not,
      // the master goes back as a conflict, or the till would never learn it was stored.
      if (sameClientDocument(master, document)) {
        if (!sameJson(pushed, master)) conflicts.push(master);
        continue;
      }

      // Immutable documents never change; anything else must be an edit of the current master.
      const stale = assumed === null || !sameClientDocument(assumed, master);
      if (rule.immutable || stale) {
        conflicts.push(master);
        continue;
      }
    }

    const decision = await rule.decide(tx, context, { document, master, pending: toWrite });
    if (decision.kind === 'rejected') {
      await reject(decision.rejected, document);
      continue;
    }
    toWrite.set(document.id, decision.document);
    movements.push(...(decision.movements ?? []));
  }

  const accepted = [...toWrite.values()];
  const changes: ChangeEvent[] = [];
  const written = await write(tx, context.tenantId, collection, accepted);
  if (written) changes.push(written);
  const writtenMovements = await write(tx, context.tenantId, 'stock_movements', movements);
  if (writtenMovements) changes.push(writtenMovements);

  // Follow-ups of the collection (receipt emails, a closing's cash check) read what was written.
  const notices =
    rule.afterWrite === undefined || accepted.length === 0
      ? []
      : await rule.afterWrite(tx, context, accepted);

  return { response: { conflicts, rejected }, changes, notices };
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
