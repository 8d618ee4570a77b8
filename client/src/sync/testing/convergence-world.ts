import { onHand, saleStockMovementId, type MeResponse } from '@pos/shared';

import { BackOffice } from './back-office.ts';
import type { Command } from './convergence-commands.ts';
import { describeDifferences, ServerView } from './server-view.ts';
import type { RungUpSale } from './simulated-till.ts';
import { startSyncServers, type SyncServers } from './sync-servers.ts';
import type { TillThread } from './till-thread.ts';

const STORE_ID = 'store-main';
const CASHIER: MeResponse = {
  userId: 'staff-cashier',
  tenantId: 'demo',
  tenantName: 'Demo',
  displayName: 'Casey Cashier',
  email: 'cashier@demo.test',
  roles: ['cashier'],
  storeIds: [STORE_ID],
};
const SETTLE_MS = 30_000;

let runs = 0;

/**
 * One run of the convergence property: fresh servers on a fresh database, the tills (worker
 * threads, reused between runs) opened empty as new devices of the demo store, a back office
 * for the manager, then the script, then everything reconnected and the end state checked.
 */
export class ConvergenceWorld {
  private readonly sales: RungUpSale[] = [];

  private constructor(
    private readonly servers: SyncServers,
    private readonly tills: readonly TillThread[],
    private readonly office: BackOffice,
    private readonly view: ServerView,
    private readonly startingStock: Record<string, number>,
  ) {}

  static async open(tills: readonly TillThread[]): Promise<ConvergenceWorld> {
    runs += 1;
    const run = `${process.pid}-${runs}`;
    const servers = await startSyncServers(2);
    try {
      const owner = await servers.token('owner@demo.test', 'owner123');
      const manager = await servers.token('manager@demo.test', 'manager123');
      const cashier = await servers.token('cashier@demo.test', 'cashier123');
      const view = new ServerView(servers.urls[0] ?? '', manager);

      const devices = tills.map((_, i) => ({
        id: `device-sim-${i + 1}`,
        updatedAt: new Date().toISOString(),
        _deleted: false,
        storeId: STORE_ID,
        code: `S${i + 1}`,
        name: `Simulated till ${i + 1}`,
      }));
      await view.push(owner, 'devices', devices);
      const startingStock = await view.onHand(STORE_ID);

      await Promise.all(
        tills.map((till, i) =>
          till.ask({
            kind: 'open',
            setup: {
              run: `${run}-${i}`,
              servers: servers.urls,
              accessToken: cashier,
              me: CASHIER,
              storeId: STORE_ID,
              deviceId: devices[i]?.id ?? '',
            },
          }),
        ),
      );
      const office = new BackOffice(servers.urls, manager, 'staff-manager', STORE_ID);
      await office.refresh();
      return new ConvergenceWorld(servers, tills, office, view, startingStock);
    } catch (error) {
      await servers.close();
      throw error;
    }
  }

  private till(index: number): TillThread {
    const till = this.tills[index % this.tills.length];
    if (till === undefined) throw new Error('no tills');
    return till;
  }

  async apply(command: Command): Promise<void> {
    switch (command.kind) {
      case 'sale':
        this.sales.push(
          await this.till(command.till).ask({
            kind: 'ring-up',
            items: command.items,
            cash: command.cash,
          }),
        );
        return;
      case 'disconnect':
      case 'reconnect':
      case 'release':
      case 'replay':
      case 'pull-storm':
        await this.till(command.till).ask({ kind: command.kind });
        return;
      case 'fault':
        await this.till(command.till).ask({ kind: 'arm', fault: command.fault });
        return;
      case 'receive':
        this.office.moveStock(command.product, command.pieces * 1000, 'receive');
        await this.office.flush();
        return;
      case 'adjust':
        this.office.moveStock(command.product, -command.pieces * 1000, 'adjustment');
        await this.office.flush();
        return;
      case 'price':
        this.office.changePrice(command.product, command.price);
        await this.office.flush();
        return;
      case 'office-fault':
        this.office.arm(command.fault);
        return;
      case 'office-offline':
        this.office.shim.disconnect();
        return;
      case 'office-online':
        this.office.shim.reconnect();
        return;
      case 'office-flush':
        await this.office.flush();
        return;
      case 'wait':
        await new Promise((resolve) => setTimeout(resolve, command.ms));
        return;
    }
  }

  /**
   * Reconnects everything, lets replication finish, and checks: every till holds what the
   * server holds; every sale is on the server once with its own receipt number; the ledger
   * holds one movement per sold line and on-hand adds up.
   */
  async settleAndCheck(): Promise<string[]> {
    this.office.shim.reconnect();
    await this.office.shim.drain();
    await this.office.flush();
    if (this.office.pending() > 0) await this.office.flush();

    // Tills that settled may still hear about what slower ones push: compare until they agree.
    const deadline = Date.now() + SETTLE_MS;
    let problems: string[] = [];
    do {
      const states = await Promise.all(
        this.tills.map((till) => till.ask({ kind: 'settle', timeoutMs: SETTLE_MS })),
      );
      problems = [];
      states.forEach((state, i) => {
        if (state.waiting > 0) problems.push(`till ${i}: ${state.waiting} sales still waiting`);
        if (state.rejected.length > 0) {
          problems.push(`till ${i}: rejected ${JSON.stringify(state.rejected)}`);
        }
      });
      problems.push(...(await this.compare()));
      if (problems.length === 0) return [];
      await new Promise((resolve) => setTimeout(resolve, 500));
    } while (Date.now() < deadline);
    return problems;
  }

  private async compare(): Promise<string[]> {
    const problems: string[] = [];
    const server = await this.view.snapshot();

    for (const [i, till] of this.tills.entries()) {
      const local = await till.ask({ kind: 'snapshot' });
      problems.push(...describeDifferences(`till ${i}`, server, local));
      const tillStock = onHand(local['stock_movements'] as never[]);
      const serverStock = onHand(server['stock_movements'] as never[]);
      if (JSON.stringify([...tillStock].sort()) !== JSON.stringify([...serverStock].sort())) {
        problems.push(`till ${i}: on-hand from its ledger differs from the server's`);
      }
    }

    // Exactly the sales rung up, each once, receipt numbers unique per device.
    const serverSales = server['sales'] ?? [];
    const ids = serverSales.map((sale) => String(sale['id']));
    if (new Set(ids).size !== ids.length) problems.push('a sale id is on the server twice');
    const expected = new Set(this.sales.map((sale) => sale.id));
    const missing = [...expected].filter((id) => !ids.includes(id));
    const extra = ids.filter((id) => !expected.has(id));
    if (missing.length > 0) problems.push(`sales lost: ${missing.join(', ')}`);
    if (extra.length > 0) problems.push(`sales nobody rang up: ${extra.join(', ')}`);
    const receipts = serverSales.map((sale) => `${sale['deviceId']}/${sale['receiptNumber']}`);
    if (new Set(receipts).size !== receipts.length) problems.push('a receipt number is used twice');
    for (const sale of serverSales) {
      const info = sale['server'] as { status?: string } | undefined;
      if (info?.status !== 'accepted') problems.push(`sale ${sale['id']} is ${info?.status}`);
    }

    // One ledger movement per sold line, none twice; on-hand is the sum of the ledger.
    const movements = server['stock_movements'] ?? [];
    const movementIds = movements.map((movement) => String(movement['id']));
    if (new Set(movementIds).size !== movementIds.length) problems.push('a movement is doubled');
    const byId = new Map(movements.map((movement) => [String(movement['id']), movement]));
    const want = new Map(Object.entries(this.startingStock));
    const add = (productId: string, quantity: number) =>
      want.set(productId, (want.get(productId) ?? 0) + quantity);
    for (const sale of this.sales) {
      for (const line of sale.lines) {
        const movement = byId.get(saleStockMovementId(sale.id, line.lineId));
        if (movement?.['quantity'] !== -line.quantity) {
          problems.push(
            `sale ${sale.id} line ${line.lineId}: movement ${JSON.stringify(movement)}`,
          );
        }
        add(line.productId, -line.quantity);
      }
    }
    for (const movement of this.office.movements) {
      if (!byId.has(movement.id)) problems.push(`stock movement ${movement.id} lost`);
      add(movement.productId, movement.quantity);
    }
    const reported = await this.view.onHand(STORE_ID);
    for (const [productId, quantity] of want) {
      if ((reported[productId] ?? 0) !== quantity) {
        problems.push(
          `on hand of ${productId}: ${reported[productId]} reported, ${quantity} expected`,
        );
      }
    }
    return problems;
  }

  async close(): Promise<void> {
    await Promise.all(this.tills.map((till) => till.ask({ kind: 'close' }).catch(() => undefined)));
    await this.servers.close();
  }
}
