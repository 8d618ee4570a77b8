import type { Subscription } from 'rxjs';

import { clearCatalog } from '../data/clear-catalog.ts';
import { createTillApi } from '../data/local-till-api.ts';
import { plainDocument } from '../data/plain-document.ts';
import type { RxDoc } from '../data/schema/collection-schema.ts';
import { openTillData, type TillData } from '../data/till-data.ts';
import { openTillDatabase } from '../data/till-database.ts';
import type { TillApi, TillContext } from '../data/till-api.ts';
import { ApiClient } from '../session/api-client.ts';
import type { SessionManager } from '../session/session-manager.ts';
import { permissionSnapshot } from '../session/permission-snapshot.ts';
import type { StoredSession } from '../session/stored-session.ts';
import { observingFetch, type ClockDrift } from '../sync/clock-drift.ts';
import type { NetworkMonitor } from '../sync/network-monitor.ts';
import { RejectedDocuments } from '../sync/rejected-documents.ts';
import { SyncStatusStore } from '../sync/sync-status-source.ts';
import { StreamEndpoints } from '../sync/stream-endpoints.ts';
import { SyncStream } from '../sync/sync-stream.ts';
import { startTillReplication, type TillReplication } from '../sync/till-replication.ts';
import { log } from './log.ts';

export interface TillRuntime {
  key: string;
  api: TillApi;
  data: TillData;
  status: SyncStatusStore;
  replication: TillReplication;
  /** `clearCatalog` drops the local catalog (and its checkpoints) once nothing uses it. */
  close(options?: { clearCatalog?: boolean }): Promise<void>;
}

export interface TillRuntimeOptions {
  /** Told the server's time by every answer; none in tests. */
  clock?: ClockDrift;
  /** Where to open the event stream; the till's own origin when omitted. */
  streamEndpoints?: () => StreamEndpoints;
}

export function runtimeKey(session: StoredSession): string {
  return `${session.me.tenantId}/${session.device.id}/${session.store.id}`;
}

export function tillContextOf(session: StoredSession): TillContext {
  return {
    session: {
      me: session.me,
      accessToken: session.tokens.accessToken,
      accessTokenExpiresAt: session.tokens.expiresAt,
      signedInAt: session.signedInAt,
    },
    store: session.store,
    device: session.device,
    // The session is whoever unlocked the till last: a PIN switch changes it, so sales, shifts
    // and refunds name the person at the till.
    cashier: {
      id: session.me.userId,
      displayName: session.me.displayName,
      roles: session.me.roles,
    },
    permissions:
      session.permissions?.storeId === session.store.id
        ? session.permissions
        : permissionSnapshot(
            { userId: session.me.userId, tenantId: session.me.tenantId, roles: session.me.roles },
            session.store,
          ),
  };
}

/**
 * Opens everything a signed-in till runs on: the tenant's database, the in-memory views, the
 * sync status and the replication. Reading only local data, it is ready without a network.
 */
export async function openTillRuntime(
  session: StoredSession,
  sessions: SessionManager,
  network: NetworkMonitor,
  options: TillRuntimeOptions = {},
): Promise<TillRuntime> {
  const tenantId = session.me.tenantId;
  const started = performance.now();
  const db = await openTillDatabase({ tenantId });
  const opened = performance.now();
  const data = openTillData(db, { deviceId: session.device.id, storeId: session.store.id });
  await data.ready;

  const rejected = new RejectedDocuments(tenantId);
  const status = new SyncStatusStore({ tenantId, network, pending: data.pending, rejected });
  const fetchImpl = options.clock ? observingFetch(options.clock) : undefined;
  const client = new ApiClient(sessions.tokens, network, fetchImpl);
  const endpoints = options.streamEndpoints?.() ?? new StreamEndpoints(undefined, '');
  // A stream server that is down says nothing about the network: pull and push still reach the
  // gateway, which alone decides whether the till shows itself online.
  const streamClient = endpoints.crossOrigin()
    ? new ApiClient(sessions.tokens, undefined, fetchImpl)
    : client;
  const replication = startTillReplication({
    db,
    client,
    stream: new SyncStream(streamClient, network, endpoints),
    network,
    rejected,
  });
  status.attach(replication);

  const context = (): TillContext => {
    const state = sessions.state();
    return tillContextOf(state.status === 'active' ? state.session : session);
  };
  const api = createTillApi(data, context, status);

  // The store's pricing and the device's code come from replicated documents; keep the
  // cached session (what an offline cold start uses) in step with them.
  const subscriptions: Subscription[] = [
    db.stores
      .findOne(session.store.id)
      .$.subscribe((doc) =>
        sessions.updateOrganisation(
          doc ? plainDocument<RxDoc<'stores'>>(doc._data) : undefined,
          undefined,
        ),
      ),
    db.devices
      .findOne(session.device.id)
      .$.subscribe((doc) =>
        sessions.updateOrganisation(
          undefined,
          doc ? plainDocument<RxDoc<'devices'>>(doc._data) : undefined,
        ),
      ),
  ];

  const onStorage = (event: StorageEvent) => {
    if (event.key === rejected.storageKey) rejected.reload();
    status.storageChanged(event.key);
  };
  window.addEventListener('storage', onStorage);

  log.info('till open', {
    tenantId,
    deviceId: session.device.id,
    openDatabaseMs: Math.round(opened - started),
    loadDataMs: Math.round(performance.now() - opened),
  });

  return {
    key: runtimeKey(session),
    api,
    data,
    status,
    replication,
    async close(options = {}) {
      window.removeEventListener('storage', onStorage);
      subscriptions.forEach((subscription) => subscription.unsubscribe());
      status.close();
      await replication.cancel();
      await data.close();
      if (options.clearCatalog === true) await clearCatalog(db);
      await db.close();
    },
  };
}
