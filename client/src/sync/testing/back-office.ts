import {
  newId,
  pullResponseSchema,
  pushResponseSchema,
  type Product,
  type PushRow,
  type StockMovement,
} from '@pos/shared';

import { ApiClient } from '../../session/api-client.ts';
import { NetworkShim, type PushFault } from './network-shim.ts';

type Doc = Record<string, unknown>;

interface Outgoing {
  collection: 'products' | 'stock_movements';
  row: PushRow;
}

/**
 * A manager's back office: receives and adjusts stock and changes prices by pushing to the
 * sync endpoints, through its own NetworkShim. What could not be sent stays in an outbox and
 * goes again later, like any client that must not lose a stock receipt.
 */
export class BackOffice {
  readonly shim: NetworkShim;
  private readonly client: ApiClient;
  private readonly products = new Map<string, Product>();
  private readonly outbox: Outgoing[] = [];
  /** Every movement this back office created, accepted or still queued. */
  readonly movements: StockMovement[] = [];

  constructor(
    servers: readonly string[],
    token: string,
    private readonly userId: string,
    private readonly storeId: string,
  ) {
    this.shim = new NetworkShim(servers);
    this.client = new ApiClient(
      { accessToken: () => token, refresh: () => Promise.resolve(false) },
      undefined,
      this.shim.fetch,
    );
  }

  /** Reads the catalog as the manager last saw it: the base of later price edits. */
  async refresh(): Promise<void> {
    let seq = 0;
    for (;;) {
      const page = await this.client.json(
        `/api/sync/products/pull?seq=${seq}&limit=1000`,
        pullResponseSchema,
      );
      for (const doc of page.documents) this.products.set(String(doc['id']), doc as Product);
      if (page.documents.length < 1000 || page.checkpoint === null) return;
      seq = page.checkpoint.seq;
    }
  }

  productIds(): string[] {
    return [...this.products.values()]
      .filter((product) => product.active && product.soldBy === 'each')
      .map((product) => product.id)
      .sort();
  }

  moveStock(productIndex: number, quantity: number, reason: 'receive' | 'adjustment'): void {
    const ids = this.productIds();
    const productId = ids[productIndex % ids.length] ?? '';
    const at = new Date().toISOString();
    const movement: StockMovement = {
      id: newId(),
      updatedAt: at,
      _deleted: false,
      productId,
      storeId: this.storeId,
      quantity,
      reason,
      saleId: null,
      createdBy: this.userId,
      createdAt: at,
    };
    this.movements.push(movement);
    this.outbox.push({
      collection: 'stock_movements',
      row: { assumedMasterState: null, newDocumentState: movement },
    });
  }

  /** A price edit of the product as this back office last saw it (compare-and-set). */
  changePrice(productIndex: number, price: number): void {
    const ids = this.productIds();
    const master = this.products.get(ids[productIndex % ids.length] ?? '');
    if (master === undefined) return;
    const edited: Product = { ...master, price, updatedAt: new Date().toISOString() };
    this.products.set(edited.id, edited);
    this.outbox.push({
      collection: 'products',
      row: {
        assumedMasterState: master as unknown as Doc,
        newDocumentState: edited as unknown as Doc,
      },
    });
  }

  arm(fault: PushFault): void {
    this.shim.arm(fault);
  }

  /**
   * Sends the outbox in order, one row a push; stops at the first network failure and keeps
   * the rest. A conflict means someone else changed the product first: the edit is dropped and
   * the master taken, as the back office screen would show it.
   */
  async flush(): Promise<void> {
    while (this.outbox.length > 0) {
      const next = this.outbox[0];
      if (next === undefined) return;
      let answer;
      try {
        answer = await this.client.json(`/api/sync/${next.collection}/push`, pushResponseSchema, {
          method: 'POST',
          body: { rows: [next.row] },
        });
      } catch {
        return;
      }
      this.outbox.shift();
      if (answer.rejected.length > 0) {
        throw new Error(`the server rejected ${JSON.stringify(answer.rejected)}`);
      }
      for (const conflict of answer.conflicts) {
        if (next.collection === 'products') {
          this.products.set(String(conflict['id']), conflict as Product);
        }
      }
    }
  }

  pending(): number {
    return this.outbox.length;
  }
}
