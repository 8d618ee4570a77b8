import { collectionNames, collections, type Checkpoint, type CollectionName } from '@pos/shared';
import type { RxCollection } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { combineLatest, map, merge, type Observable } from 'rxjs';

import { acknowledgedSalesFor, syncedMarksFor, tracksSyncedMarks } from '../data/synced-marks.ts';
import type { TillDatabase } from '../data/till-database.ts';
import type { ApiClient } from '../session/api-client.ts';
import type { NetworkMonitor } from './network-monitor.ts';
import type { RejectedDocuments } from './rejected-documents.ts';
import {
  PULL_BATCH_SIZE,
  PUSH_BATCH_SIZE,
  pullHandler,
  pushHandler,
} from './replication-handlers.ts';
import type { SyncStream } from './sync-stream.ts';

type ServerDocument = Record<string, unknown>;
type Replication = RxReplicationState<ServerDocument, Checkpoint>;

export interface TillReplicationDeps {
  db: TillDatabase;
  client: ApiClient;
  stream: SyncStream;
  network: NetworkMonitor;
  rejected: RejectedDocuments;
}

export interface TillReplication {
  /** True while any collection is pulling or pushing. */
  active$: Observable<boolean>;
  error$: Observable<unknown>;
  reSync(): void;
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancel(): Promise<void>;
}

const RETRY_MS = 4_000;

function replicate(name: CollectionName, deps: TillReplicationDeps): Replication {
  const collection = deps.db[name] as unknown as RxCollection<ServerDocument>;
  const synced = tracksSyncedMarks(name)
    ? syncedMarksFor(deps.db.name)
    : name === 'sales'
      ? acknowledgedSalesFor(deps.db.name)
      : undefined;

  return replicateRxCollection<ServerDocument, Checkpoint>({
    // The version suffix lets a future protocol change start over from a clean checkpoint.
    replicationIdentifier: `pos-${name}-v1`,
    collection,
    deletedField: '_deleted',
    live: true,
    retryTime: RETRY_MS,
    // Only one tab talks to the server; the others see its writes through IndexedDB.
    waitForLeadership: true,
    autoStart: true,
    pull: {
      handler: pullHandler(deps.client, name, synced),
      batchSize: PULL_BATCH_SIZE,
      stream$: deps.stream.forCollection(name),
    },
    ...(collections[name].tillWrites
      ? {
          push: {
            handler: pushHandler(deps.client, name, deps.rejected, synced),
            batchSize: PUSH_BATCH_SIZE,
          },
        }
      : {}),
  });
}

/**
 * Live two-way replication of the 11 collections with the sync server. Pull is by the tenant's
 * change sequence; push only for what a till may write. Nothing here ever purges a local
 * document: an unsynced sale stays until the server has it.
 */
export function startTillReplication(deps: TillReplicationDeps): TillReplication {
  const states = collectionNames.map((name) => replicate(name, deps));

  const reSync = () => states.forEach((state) => state.reSync());
  // RxDB retries on its own timer; a returning network should not wait for it.
  const offBackOnline = deps.network.onBackOnline(reSync);

  return {
    active$: combineLatest(states.map((state) => state.active$)).pipe(
      map((flags) => flags.some(Boolean)),
    ),
    error$: merge(...states.map((state) => state.error$)),
    reSync,
    async pause() {
      await Promise.all(states.map((state) => state.pause()));
    },
    async resume() {
      // start() ignores leadership; a tab that never led must keep waiting for it.
      if (deps.db.multiInstance && !deps.db.isLeader()) return;
      await Promise.all(states.map((state) => state.start()));
    },
    async cancel() {
      offBackOnline();
      await Promise.all(states.map((state) => state.cancel()));
    },
  };
}
