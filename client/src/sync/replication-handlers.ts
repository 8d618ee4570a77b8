import {
  PULL_LIMIT_MAX,
  pullResponseSchema,
  pushResponseSchema,
  type Checkpoint,
  type CollectionName,
  type PushRow,
} from '@pos/shared';
import type {
  ReplicationPullHandlerResult,
  RxReplicationWriteToMasterRow,
  WithDeleted,
} from 'rxdb';

import type { SyncedMarks } from '../data/synced-marks.ts';
import type { ApiClient } from '../session/api-client.ts';
import { ApiError } from '../session/api-error.ts';
import type { RejectedDocuments } from './rejected-documents.ts';

type ServerDocument = Record<string, unknown>;

/** The server caps a pull at this many; RxDB takes a shorter page as "caught up". */
export const PULL_BATCH_SIZE = PULL_LIMIT_MAX;
export const PUSH_BATCH_SIZE = 20;

export function pullPath(
  collection: CollectionName,
  checkpoint: Checkpoint | undefined,
  limit: number,
): string {
  return `/api/sync/${collection}/pull?seq=${checkpoint?.seq ?? 0}&limit=${limit}`;
}

export function pullHandler(client: ApiClient, collection: CollectionName, synced?: SyncedMarks) {
  return async (
    checkpoint: Checkpoint | undefined,
    batchSize: number,
  ): Promise<ReplicationPullHandlerResult<ServerDocument, Checkpoint>> => {
    const page = await client.json(pullPath(collection, checkpoint, batchSize), pullResponseSchema);
    synced?.mark(page.documents);
    return {
      documents: page.documents as WithDeleted<ServerDocument>[],
      checkpoint: page.checkpoint ?? checkpoint,
    };
  };
}

export function pushBody(rows: readonly RxReplicationWriteToMasterRow<ServerDocument>[]): {
  rows: PushRow[];
} {
  return {
    rows: rows.map((row) => ({
      assumedMasterState: row.assumedMasterState ?? null,
      newDocumentState: row.newDocumentState,
    })),
  };
}

/** 400, 413 and 422 say "this request can never succeed": retrying it would block the queue. */
function refusedForGood(error: unknown): error is ApiError {
  return error instanceof ApiError && [400, 413, 422].includes(error.status);
}

/** A 5xx: the server failed on this request and kept nothing; it may work next time. */
function serverFailed(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status >= 500;
}

/** What a person recognises a document by: the receipt number for sales, else its id. */
export function describeDocument(doc: ServerDocument): string {
  const receipt = doc['receiptNumber'];
  if (typeof receipt === 'string' && receipt !== '') return `receipt ${receipt}`;
  return String(doc['id'] ?? 'unknown document');
}

/**
 * Rows that stay queued because the server failed on them alone (5xx, one by one). Thrown so
 * RxDB keeps the rows and retries them; the message names the stuck documents for the
 * sync indicator.
 */
export class StuckDocumentsError extends Error {
  constructor(
    readonly documents: readonly string[],
    readonly failure: ApiError,
  ) {
    super(
      `${documents.join(', ')} ${documents.length === 1 ? 'is' : 'are'} stuck: the server failed ` +
        `(${failure.status}: ${failure.message}); ${documents.length === 1 ? 'it stays' : 'they stay'} ` +
        'queued and will be retried',
    );
    this.name = 'StuckDocumentsError';
  }
}

/**
 * Pushes a batch and returns the server's conflicts for RxDB to resolve. Documents the server
 * quarantined come back in `rejected`: they are remembered and shown, and never block the
 * queue. If the server refuses a whole batch as malformed, the rows go one by one so a single
 * bad document cannot hold back the sales behind it.
 *
 * A 5xx on a batch also sends the rows one by one, so the others get through. A row that still
 * fails alone with a 5xx was not kept by the server: it is neither dropped nor marked rejected,
 * it stays queued (the handler throws and RxDB retries the batch), and the error names it. Rows
 * of that batch the server already answered are remembered, so the retry does not send them
 * again.
 */
export function pushHandler(
  client: ApiClient,
  collection: CollectionName,
  rejected: RejectedDocuments,
  synced?: SyncedMarks,
) {
  // Answers for rows of a split batch that went through while another row was stuck.
  const answered = new Map<string, WithDeleted<ServerDocument>[]>();
  const rowKey = (row: RxReplicationWriteToMasterRow<ServerDocument>) =>
    JSON.stringify([row.assumedMasterState ?? null, row.newDocumentState]);

  const pushOneByOne = async (
    rows: readonly RxReplicationWriteToMasterRow<ServerDocument>[],
  ): Promise<WithDeleted<ServerDocument>[]> => {
    const conflicts: WithDeleted<ServerDocument>[] = [];
    const stuck: string[] = [];
    let failure: ApiError | undefined;
    for (const row of rows) {
      const key = rowKey(row);
      const earlier = answered.get(key);
      if (earlier !== undefined) {
        conflicts.push(...earlier);
        continue;
      }
      try {
        const answer = await push([row]);
        answered.set(key, answer);
        conflicts.push(...answer);
      } catch (error) {
        if (!serverFailed(error)) throw error;
        stuck.push(describeDocument(row.newDocumentState));
        failure = error;
      }
    }
    if (failure !== undefined) {
      // Only this batch's answers are worth keeping; a different batch means things moved on.
      if (answered.size > 4 * PUSH_BATCH_SIZE) answered.clear();
      throw new StuckDocumentsError(stuck, failure);
    }
    for (const row of rows) answered.delete(rowKey(row));
    return conflicts;
  };

  const push = async (
    rows: readonly RxReplicationWriteToMasterRow<ServerDocument>[],
  ): Promise<WithDeleted<ServerDocument>[]> => {
    try {
      const response = await client.json(`/api/sync/${collection}/push`, pushResponseSchema, {
        method: 'POST',
        body: pushBody(rows),
      });
      rejected.remember(collection, response.rejected);
      const notStored = new Set([
        ...response.rejected.map((r) => r.id),
        ...response.conflicts.map((c) => String(c['id'])),
      ]);
      synced?.mark(
        rows.map((row) => row.newDocumentState).filter((doc) => !notStored.has(String(doc['id']))),
      );
      // A conflict carries the master the server holds (also when an identical document was
      // pushed again after a lost response): RxDB's default handler takes it, so that version
      // is on the server and nothing about it is waiting any more.
      synced?.mark(response.conflicts);
      return response.conflicts as WithDeleted<ServerDocument>[];
    } catch (error) {
      const splittable = serverFailed(error) || refusedForGood(error);
      if (splittable && rows.length > 1) return pushOneByOne(rows);
      if (!refusedForGood(error)) throw error;

      const id = String(rows[0]?.newDocumentState.id ?? '');
      rejected.remember(collection, [{ id, code: error.kind, message: error.message }]);
      return [];
    }
  };
  return push;
}
