import type { Sale } from '@pos/shared';

import { queueReceiptEmails } from '../receipts/queue-receipt-emails.ts';
import type { PushRule } from '../replication/push-rule.ts';
import type { StoredDocument } from '../replication/write-documents.ts';
import { acceptNewSale } from './accept-sale.ts';
import { saleQuestions } from './sale-questions.ts';

/** Documents of the sales collection were validated against the sale schema before this. */
function asSale(document: StoredDocument): Sale {
  return document as unknown as Sale;
}

/**
 * Sales are immutable: a till only ever adds them. Each new one is checked and totalled by
 * the server; an accepted one with a receipt email queues that email in the same transaction.
 */
export const salePushRule: PushRule = {
  immutable: true,

  questions: (_pusher, document) => saleQuestions(asSale(document)),

  // Immutable, so only ever asked about a sale the server has not stored.
  async decide(tx, context, { document, pending }) {
    const decision = await acceptNewSale(
      tx,
      context,
      asSale(document),
      [...pending.values()].map(asSale),
    );
    if (decision.kind === 'rejected') return decision;
    return {
      kind: 'accepted',
      document: decision.sale as unknown as StoredDocument,
      movements: decision.movements,
    };
  },

  async afterWrite(tx, context, written) {
    await queueReceiptEmails(tx, context.tenantId, written.map(asSale));
    return [];
  },
};
