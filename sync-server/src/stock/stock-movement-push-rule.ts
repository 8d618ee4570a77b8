import type { StockMovement } from '@pos/shared';

import type { PushQuestion } from '../replication/push-permits.ts';
import type { Pusher, PushRule, WriteDecision } from '../replication/push-rule.ts';
import { readMaster } from '../replication/read-masters.ts';
import type { StoredDocument } from '../replication/write-documents.ts';

/** Documents of the stock_movements collection were validated against their schema before. */
function asMovement(document: StoredDocument): StockMovement {
  return document as unknown as StockMovement;
}

/** Receiving and counting stock is catalogue work in the movement's own store. */
function mayMoveStock(pusher: Pusher, movement: StockMovement): PushQuestion {
  return { userId: pusher.userId, action: 'edit_catalog', storeId: movement.storeId };
}

/**
 * The stock ledger: entries are only ever added (a correction is another movement), so an
 * existing one pushed with other content, or deleted, comes back as a conflict with the master.
 * Only back-office users push here (push-permissions); each new entry must name them as its
 * author and a store and product of the tenant, or on-hand figures could be made up freely,
 * and the author must keep the catalogue in that store: a manager of one store does not move
 * another's stock.
 */
export const stockMovementPushRule: PushRule = {
  immutable: true,

  questions: (pusher, document) => [mayMoveStock(pusher, asMovement(document))],

  // Immutable, so only ever asked about a movement the server has not stored.
  async decide(tx, context, { document }): Promise<WriteDecision> {
    const movement = asMovement(document);
    const reject = (code: string, message: string): WriteDecision => ({
      kind: 'rejected',
      rejected: { id: movement.id, code, message },
    });

    if (movement._deleted) {
      return reject('invalid_document', 'a stock movement cannot be deleted');
    }
    if (movement.createdBy !== context.userId) {
      return reject('created_by_mismatch', `createdBy must be the pushing user ${context.userId}`);
    }

    const store = await readMaster(tx, context.tenantId, 'stores', movement.storeId);
    if (store === undefined || store._deleted) {
      return reject('unknown_store', `store ${movement.storeId} does not exist`);
    }
    const product = await readMaster(tx, context.tenantId, 'products', movement.productId);
    if (product === undefined || product._deleted) {
      return reject('unknown_product', `product ${movement.productId} does not exist`);
    }

    const permitted = context.permits.decision(mayMoveStock(context, movement));
    if (!permitted.allowed) {
      return reject('not_permitted', `stock of store ${movement.storeId}: ${permitted.reason}`);
    }

    return { kind: 'accepted', document };
  },
};
