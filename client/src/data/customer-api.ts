import { newId, type Customer } from '@pos/shared';

import { resolveMerged, searchCustomers } from '../customer/customer-search.ts';
import {
  newCustomer,
  type NewCustomerInput,
  type NewCustomerResult,
} from '../customer/new-customer.ts';
import { plainDocument, withoutDeletedFlag } from './plain-document.ts';
import type { RxDoc } from './schema/collection-schema.ts';
import type { TillDatabase } from './till-database.ts';

export interface CustomerApi {
  /** Name, email or phone fragment, from this till's copy: works offline. */
  search(query: string): Promise<Customer[]>;
  /** Stores a new customer, or answers the one already holding that email or phone. */
  create(input: NewCustomerInput): Promise<NewCustomerResult>;
  /** The customer as they are now, following merges. */
  resolve(id: string): Promise<Customer | undefined>;
}

export function createCustomerApi(db: TillDatabase, now: () => Date): CustomerApi {
  // A shop's customer list is small enough to search in memory, and it is searched by parts.
  async function all(): Promise<Customer[]> {
    const docs = await db.customers.find().exec();
    return docs.map((doc) => plainDocument<RxDoc<'customers'>>(doc._data));
  }

  return {
    async search(query) {
      return searchCustomers(await all(), query);
    },

    async create(input) {
      const result = newCustomer(input, await all(), { id: newId(), now: now().toISOString() });
      if (result.ok && !result.existing) {
        await db.customers.insert(withoutDeletedFlag(result.customer));
      }
      return result;
    },

    async resolve(id) {
      const customers = await all();
      return resolveMerged(id, new Map(customers.map((c) => [c.id, c])));
    },
  };
}
