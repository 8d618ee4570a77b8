import {
  checkRefund,
  computeRefundTotals,
  newId,
  saleSchema,
  type Payment,
  type Sale,
  type SaleLine,
} from '@pos/shared';
import { z } from 'zod';

import type { RefundSource } from '../refund/refund-draft.ts';
import { ApiClient } from '../session/api-client.ts';
import { ApiError, NetworkError } from '../session/api-error.ts';
import { plainDocument } from './plain-document.ts';
import type { RxDoc } from './schema/collection-schema.ts';
import type { Cart, TillContext } from './till-api.ts';
import type { TillDatabase } from './till-database.ts';

/** What the till's one numbering path needs to number and store a sale or a refund. */
export interface NumberedDocument {
  cart: Cart;
  lines: () => SaleLine[];
  payments: Payment[];
  /** Turns the built sale into the stored document; may throw to refuse it. */
  finish: (sale: Sale) => Sale | Promise<Sale>;
}

export interface RefundDraft {
  original: Sale;
  /** Refunds the server knew of when the sale was looked up there. */
  knownRefunds: readonly Sale[];
  lines: SaleLine[];
  payments: Payment[];
  /** The staff member who approved the refund: the signed-in manager or one who gave a PIN. */
  approvedBy: string;
}

export interface RefundApi {
  /** This till's refunds of a sale. */
  refundsOf(saleId: string): Promise<Sale[]>;
  /** A sale by its receipt number: this till's first, then the server's when online. */
  findByReceiptNumber(receiptNumber: string): Promise<RefundSource>;
  /** Checks, numbers and stores the refund; throws RefundRefusedError when it may not be. */
  completeRefund(draft: RefundDraft): Promise<Sale>;
}

export class RefundRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefundRefusedError';
  }
}

const lookupSchema = z.object({ sales: z.array(saleSchema), refunds: z.array(saleSchema) });

function byId(lists: readonly (readonly Sale[])[]): Sale[] {
  return [...new Map(lists.flat().map((sale) => [sale.id, sale])).values()];
}

interface RefundApiDeps {
  db: TillDatabase;
  context: () => TillContext;
  saveNumbered: (input: NumberedDocument) => Promise<Sale>;
}

export function createRefundApi({ db, context, saveNumbered }: RefundApiDeps): RefundApi {
  const client = new ApiClient({
    accessToken: () => context().session.accessToken,
    refresh: () => Promise.resolve(false),
  });

  async function refundsOf(saleId: string): Promise<Sale[]> {
    const docs = await db.sales.find({ selector: { refundOfSaleId: saleId } }).exec();
    return docs.map((doc) => plainDocument<RxDoc<'sales'>>(doc._data));
  }

  async function fromServer(receiptNumber: string): Promise<RefundSource> {
    const query = new URLSearchParams({ receiptNumber, storeId: context().store.id });
    try {
      const found = await client.json(`/api/sales?${query.toString()}`, lookupSchema);
      const original = found.sales.find((sale) => sale.kind === 'sale' && !sale._deleted);
      if (original === undefined) {
        throw new RefundRefusedError(`No sale with receipt number ${receiptNumber}`);
      }
      return { original, previousRefunds: found.refunds };
    } catch (error) {
      if (error instanceof NetworkError) {
        throw new RefundRefusedError(
          `${receiptNumber} is not a sale of this till, and the server cannot be reached to find it`,
        );
      }
      if (error instanceof ApiError && error.kind === 'forbidden') {
        throw new RefundRefusedError(`Finding a sale of another till: ${error.message}`);
      }
      throw error;
    }
  }

  return {
    refundsOf,

    async findByReceiptNumber(raw) {
      const receiptNumber = raw.trim().toUpperCase();
      if (receiptNumber === '') throw new RefundRefusedError('Enter a receipt number');

      const local = await db.sales.findOne({ selector: { receiptNumber, kind: 'sale' } }).exec();
      if (local !== null) {
        const original = plainDocument<RxDoc<'sales'>>(local._data);
        return { original, previousRefunds: await refundsOf(original.id) };
      }
      return fromServer(receiptNumber);
    },

    completeRefund(draft) {
      const { original } = draft;
      return saveNumbered({
        cart: {
          id: newId(),
          lines: [],
          cartDiscount: original.cartDiscount,
          customerId: original.customerId,
        },
        lines: () => draft.lines,
        payments: draft.payments,
        async finish(sale) {
          // Read again under the numbering lock: another tab may have refunded meanwhile.
          const previousRefunds = byId([draft.knownRefunds, await refundsOf(original.id)]);
          const check = checkRefund({ original, lines: draft.lines, previousRefunds });
          if (!check.ok) throw new RefundRefusedError(check.message);

          return saleSchema.parse({
            ...sale,
            kind: 'refund',
            refundOfSaleId: original.id,
            approvedBy: draft.approvedBy,
            totals: computeRefundTotals({
              original,
              lines: draft.lines,
              previousRefunds,
              payments: draft.payments,
            }),
          } satisfies Sale);
        },
      });
    },
  };
}
