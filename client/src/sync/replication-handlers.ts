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

/**
 * Pushes a batch and returns the server's conflicts for RxDB to resolve. Documents the server
 * quarantined come back in `rejected`: they are remembered and shown, and never block the
 * queue. If the server refuses a whole batch as malformed, the rows go one by one so a single
 * bad document cannot hold back the sales behind it.
 */
export function pushHandler(
  client: ApiClient,
  collection: CollectionName,
  rejected: RejectedDocuments,
  synced?: SyncedMarks,
) {
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
      return response.conflicts as WithDeleted<ServerDocument>[];
    } catch (error) {
      if (!refusedForGood(error)) throw error;
      if (rows.length > 1) {
        const conflicts: WithDeleted<ServerDocument>[] = [];
        for (const row of rows) conflicts.push(...(await push([row])));
        return conflicts;
      }

      const id = String(rows[0]?.newDocumentState.id ?? '');
      rejected.remember(collection, [{ id, code: error.kind, message: error.message }]);
      return [];
    }
  };
  return push;
}
