import {
  computeSaleTotals,
  newId,
  saleSchema,
  type Payment,
  type Sale,
  type SaleTotals,
} from '@pos/shared';

import { createApprovalApi } from './approval-api.ts';
import { buildSale } from './build-sale.ts';
import { createCustomerApi } from './customer-api.ts';
import { withExclusiveLock } from './exclusive-lock.ts';
import { plainDocument, withoutDeletedFlag } from './plain-document.ts';
import { createRefundApi, type NumberedDocument } from './refund-api.ts';
import { CartPricingError, saleLinesFromCart } from './sale-lines.ts';
import type { RxDoc } from './schema/collection-schema.ts';
import { createShiftApi, findOpenShift } from './shift-api.ts';
import { createStaffPinApi } from './staff-pin-api.ts';
import { isQuotaError, StorageFullError } from './storage-full.ts';
import type { TillData } from './till-data.ts';
import type { Cart, SaleDraft, SyncStatus, TillApi, TillContext } from './till-api.ts';

export interface SyncStatusSource {
  current(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
}

const SALES_SHOWN = 200;

function toSale(data: Parameters<typeof plainDocument<RxDoc<'sales'>>>[0]): Sale {
  return plainDocument<RxDoc<'sales'>>(data);
}

/** The TillApi over RxDB: what the selling screens use, and nothing else. */
export function createTillApi(
  data: TillData,
  context: () => TillContext,
  sync: SyncStatusSource,
  now: () => Date = () => new Date(),
): TillApi {
  const { db, catalog } = data;

  function salesQuery(limit: number) {
    return db.sales.find({
      selector: { deviceId: context().device.id },
      sort: [{ createdAt: 'desc' }],
      limit,
    });
  }

  async function highestDeviceSeq(deviceId: string): Promise<number> {
    const latest = await db.sales
      .findOne({ selector: { deviceId }, sort: [{ deviceSeq: 'desc' }] })
      .exec();
    return latest?.deviceSeq ?? 0;
  }

  function priceCart(cart: Cart, payments: Payment[]): SaleTotals {
    return computeSaleTotals({
      lines: saleLinesFromCart(cart, catalog),
      cartDiscount: cart.cartDiscount,
      pricing: context().store.pricing,
      payments,
    });
  }

  /**
   * Numbers and stores a sale or a refund. One at a time across every tab, so receipt numbers
   * follow the order documents are saved; `finish` turns the built sale into the kept document.
   */
  async function saveNumbered(input: NumberedDocument): Promise<Sale> {
    try {
      return await saveNumberedOnce(input);
    } catch (error) {
      // A full disk must say so, not spin: the caller still holds the cart and can retry.
      if (isQuotaError(error)) throw new StorageFullError({ cause: error });
      throw error;
    }
  }

  async function saveNumberedOnce(input: NumberedDocument): Promise<Sale> {
    return withExclusiveLock('receipt-counter', async () => {
      const till = context();
      const lines = input.lines();
      if (lines.length === 0) throw new CartPricingError('The cart is empty');

      const at = now().toISOString();
      const shift = await findOpenShift(db, till.device.id);
      const base = {
        id: newId(),
        now: at,
        till,
        shiftId: shift?.id ?? null,
        cart: input.cart,
        lines,
        payments: input.payments,
      };
      const floor = (await highestDeviceSeq(till.device.id)) + 1;

      // Everything is checked before a number is taken, so a refused sale burns no number.
      const trial = await input.finish(buildSale({ ...base, seq: floor }));
      if (trial.totals.paid < trial.totals.due) {
        throw new CartPricingError('The payments do not cover the amount due');
      }

      const seq = await data.counter.next(till.device.id, floor);
      const sale = await input.finish(buildSale({ ...base, seq }));
      await db.sales.insert(withoutDeletedFlag(sale));
      return sale;
    });
  }

  async function completeSale(draft: SaleDraft): Promise<Sale> {
    const email = draft.receiptEmail ?? null;
    return saveNumbered({
      cart: draft.cart,
      lines: () => saleLinesFromCart(draft.cart, catalog),
      payments: draft.payments,
      finish: (sale) =>
        email === null ? sale : saleSchema.parse({ ...sale, receiptEmail: email }),
    });
  }

  return {
    shifts: createShiftApi(db, context, now),

    catalog: () => catalog.current(),
    subscribeCatalog: (listener) => catalog.subscribe(listener),

    priceCart,
    cashRounding: () => context().store.pricing.cashRounding,

    completeSale,
    async recentSales(limit) {
      const docs = await salesQuery(limit).exec();
      return docs.map((doc) => toSale(doc._data));
    },
    subscribeSales(listener) {
      const subscription = salesQuery(SALES_SHOWN).$.subscribe((docs) =>
        listener(docs.map((doc) => toSale(doc._data))),
      );
      return () => subscription.unsubscribe();
    },
    onHand: (productId) => data.stock.onHand(productId),
    stockLevels: () => data.stock.levels(),
    subscribeStock: (listener) => data.stock.subscribe(listener),

    async parkCart(cart, note) {
      await data.parked.park(cart, note, now());
    },
    parkedCarts: () => data.parked.list(),
    resumeParkedCart: (id) => data.parked.resume(id),

    syncStatus: () => sync.current(),
    subscribeSyncStatus: (listener) => sync.subscribe(listener),

    refunds: createRefundApi({ db, context, saveNumbered }),
    approvals: createApprovalApi(db, context),
    staffPins: createStaffPinApi(db, context),
    customers: createCustomerApi(db, now),
  };
}
