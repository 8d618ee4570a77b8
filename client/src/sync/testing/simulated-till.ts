import {
  cashDue,
  collectionNames,
  newId,
  type MeResponse,
  type Payment,
  type PricingRules,
} from '@pos/shared';
import { IDBFactory } from 'fake-indexeddb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';

import { createTillApi } from '../../data/local-till-api.ts';
import { plainDocument } from '../../data/plain-document.ts';
import { openTillData, type TillData } from '../../data/till-data.ts';
import { openTillDatabase } from '../../data/till-database.ts';
import type { Cart, TillApi, TillContext } from '../../data/till-api.ts';
import { ApiClient } from '../../session/api-client.ts';
import { permissionSnapshot } from '../../session/permission-snapshot.ts';
import { MemoryStorage } from '../../testing/memory-storage.ts';
import { NetworkMonitor } from '../network-monitor.ts';
import { RejectedDocuments } from '../rejected-documents.ts';
import { SyncStatusStore } from '../sync-status-source.ts';
import { SyncStream } from '../sync-stream.ts';
import { startTillReplication, type TillReplication } from '../till-replication.ts';
import { NetworkShim, type PushFault } from './network-shim.ts';

export interface TillSetup {
  /** Unique per run: names the local databases, so every run starts with an empty till. */
  run: string;
  servers: readonly string[];
  accessToken: string;
  me: MeResponse;
  storeId: string;
  deviceId: string;
}

export interface SaleItem {
  /** Picks a product of the catalog, wrapping around. */
  product: number;
  /** Whole pieces. */
  pieces: number;
}

export interface RungUpSale {
  id: string;
  receiptNumber: string;
  deviceSeq: number;
  lines: { lineId: string; productId: string; quantity: number }[];
}

export interface TillState {
  active: boolean;
  online: boolean;
  waiting: number;
  rejected: { collection?: string; id: string; code: string; message: string }[];
}

export type Snapshot = Record<string, Record<string, unknown>[]>;

const SETTLED_FOR_MS = 300;

/**
 * One till as the browser runs it: the till's own database code, replication, event stream,
 * sync status and TillApi, on RxDB's memory storage and fake IndexedDB, talking to the real
 * servers through a NetworkShim instead of the browser's network.
 */
export class SimulatedTill {
  private active = false;
  private activeSince = Date.now();

  private constructor(
    readonly shim: NetworkShim,
    private readonly events: EventTarget,
    private readonly network: NetworkMonitor,
    private readonly data: TillData,
    private readonly replication: TillReplication,
    private readonly status: SyncStatusStore,
    private readonly api: TillApi,
    private readonly pricing: PricingRules,
  ) {
    replication.active$.subscribe((active) => {
      this.active = active;
      this.activeSince = Date.now();
    });
  }

  static async open(setup: TillSetup): Promise<SimulatedTill> {
    const shim = new NetworkShim(setup.servers);
    const events = new EventTarget();
    const network = new NetworkMonitor(events);
    const tokens = { accessToken: () => setup.accessToken, refresh: () => Promise.resolve(false) };
    const client = new ApiClient(tokens, network, shim.fetch);

    const db = await openTillDatabase({
      tenantId: `${setup.me.tenantId}-${setup.run}`,
      storage: getRxStorageMemory(),
      multiInstance: false,
    });
    const data = openTillData(db, setup, new IDBFactory());
    const rejected = new RejectedDocuments(db.name, new MemoryStorage());
    const stream = new SyncStream(client, network);
    const replication = startTillReplication({ db, client, stream, network, rejected });
    const status = new SyncStatusStore({
      tenantId: db.name,
      network,
      pending: data.pending,
      rejected,
      storage: new MemoryStorage(),
    });
    status.attach(replication);

    // A till is set up online: it has its store, device and catalog before it sells offline.
    const store = await waitForDocument(() => db.stores.findOne(setup.storeId).exec());
    const device = await waitForDocument(() => db.devices.findOne(setup.deviceId).exec());
    await data.ready;
    await waitForDocument(async () => (data.catalog.current().products.length > 0 ? true : null));

    const context = (): TillContext => ({
      session: {
        me: setup.me,
        accessToken: setup.accessToken,
        accessTokenExpiresAt: Date.now() + 600_000,
        signedInAt: new Date().toISOString(),
      },
      store: plainDocument(store._data),
      device: plainDocument(device._data),
      cashier: { id: setup.me.userId, displayName: setup.me.displayName, roles: setup.me.roles },
      permissions: permissionSnapshot(setup.me, store),
    });
    const api = createTillApi(data, context, status);
    const pricing = context().store.pricing;
    return new SimulatedTill(shim, events, network, data, replication, status, api, pricing);
  }

  /** Rings up a paid sale exactly as the sell screen does, online or not. */
  async ringUp(items: readonly SaleItem[], cash: boolean): Promise<RungUpSale> {
    const products = this.api
      .catalog()
      .products.filter((product) => product.active && product.soldBy === 'each')
      .sort((a, b) => a.id.localeCompare(b.id));
    const cart: Cart = {
      id: newId(),
      customerId: null,
      cartDiscount: null,
      lines: items.map((item) => ({
        lineId: newId(),
        productId: products[item.product % products.length]?.id ?? '',
        quantity: item.pieces * 1000,
        discount: null,
      })),
    };
    const total = this.api.priceCart(cart, []).total;
    const amount = cash ? cashDue(total, 0, this.pricing) : total;
    const payment: Payment = {
      id: newId(),
      method: cash ? 'cash' : 'card',
      amount,
      tendered: cash ? amount : null,
      reference: null,
    };

    const sale = await this.api.completeSale({ cart, payments: [payment] });
    return {
      id: sale.id,
      receiptNumber: sale.receiptNumber,
      deviceSeq: sale.deviceSeq,
      lines: sale.lines.map(({ lineId, productId, quantity }) => ({ lineId, productId, quantity })),
    };
  }

  /** The network goes away the way a browser notices it: requests fail, `offline` fires. */
  disconnect(): void {
    this.shim.disconnect();
    this.events.dispatchEvent(new Event('offline'));
  }

  reconnect(): void {
    this.shim.reconnect();
    this.events.dispatchEvent(new Event('online'));
  }

  arm(fault: PushFault): void {
    this.shim.arm(fault);
  }

  /** Several pulls at once: a resync of every collection while the stream reconnects. */
  pullStorm(): void {
    this.replication.reSync();
    this.shim.dropStreams();
    this.replication.reSync();
  }

  state(): TillState {
    const status = this.status.current();
    return {
      active: this.active,
      online: this.network.online(),
      waiting: status.waiting,
      rejected: status.rejected,
    };
  }

  /** Back online, nothing left in the network, and replication idle for a moment. */
  async settle(timeoutMs: number): Promise<TillState> {
    this.reconnect();
    await this.shim.drain();
    this.replication.reSync();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const idle = !this.active && Date.now() - this.activeSince >= SETTLED_FOR_MS;
      if (idle && this.status.current().waiting === 0) break;
      await sleep(100);
    }
    return this.state();
  }

  /** Every replicated document this till holds, as the domain sees it. */
  async snapshot(): Promise<Snapshot> {
    const snapshot: Snapshot = {};
    for (const name of collectionNames) {
      const docs = await this.data.db[name].find().exec();
      snapshot[name] = docs.map(
        (doc) => plainDocument(doc.toMutableJSON(true)) as Record<string, unknown>,
      );
    }
    return snapshot;
  }

  async close(): Promise<void> {
    await this.replication.cancel();
    this.status.close();
    await this.data.close();
    this.network.close();
    await this.data.db.remove();
  }
}

async function waitForDocument<T>(read: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await read();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error('the till never received its setup documents');
    await sleep(50);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
