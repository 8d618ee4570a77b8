import type { Customer } from '@pos/shared';

import type { PushRule } from '../replication/push-rule.ts';
import type { StoredDocument } from '../replication/write-documents.ts';
import { findDuplicate } from './find-duplicate.ts';

/** Documents of the customers collection were validated against their schema before this. */
function asCustomer(document: StoredDocument): Customer {
  return document as unknown as Customer;
}

/**
 * `mergedInto` belongs to the server. A new customer sharing an email or phone with a live one
 * of the tenant is stored merged into it, so tills pull the merge and no second live record
 * exists; sales already naming the new id stay valid, readers follow `mergedInto`. Never a
 * rejection: a customer record must not hold up a till's queue.
 */
export const customerPushRule: PushRule = {
  immutable: false,

  async decide(tx, context, { document, master, pending }) {
    const customer = asCustomer(document);
    if (master !== undefined) {
      const mergedInto = asCustomer(master).mergedInto;
      return { kind: 'accepted', document: { ...document, mergedInto } };
    }
    if (customer._deleted) {
      return { kind: 'accepted', document: { ...document, mergedInto: null } };
    }

    const duplicate = await findDuplicate(tx, context.tenantId, customer, pending);
    return { kind: 'accepted', document: { ...document, mergedInto: duplicate?.id ?? null } };
  },
};
