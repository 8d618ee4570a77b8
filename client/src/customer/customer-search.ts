import { normalizeEmail, normalizePhone, type Customer } from '@pos/shared';

const MAX_MERGE_HOPS = 10;

/**
 * The record a customer lives on now: the server merges duplicates into the earliest record
 * and marks the others with `mergedInto`. Stops at a missing record or a loop.
 */
export function resolveMerged(
  id: string,
  byId: ReadonlyMap<string, Customer>,
): Customer | undefined {
  let current = byId.get(id);
  for (let hop = 0; hop < MAX_MERGE_HOPS && current?.mergedInto != null; hop += 1) {
    const next = byId.get(current.mergedInto);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

function matches(customer: Customer, query: string): boolean {
  const text = query.trim().toLowerCase();
  if (customer.name.toLowerCase().includes(text)) return true;
  if ((customer.email ?? '').toLowerCase().includes(text)) return true;

  const typedDigits = digits(text);
  const phone = normalizePhone(customer.phone) ?? digits(customer.phone ?? '');
  return typedDigits.length >= 3 && digits(phone).includes(typedDigits);
}

/**
 * Customers matching a name, email or phone fragment, each shown as the record it was merged
 * into, once; exact email or phone matches first, then by name.
 */
export function searchCustomers(
  customers: readonly Customer[],
  query: string,
  limit = 20,
): Customer[] {
  if (query.trim() === '') return [];

  const byId = new Map(customers.map((c) => [c.id, c]));
  const found = new Map<string, Customer>();
  for (const customer of customers) {
    if (customer._deleted || !matches(customer, query)) continue;
    const live = resolveMerged(customer.id, byId);
    if (live !== undefined && !live._deleted) found.set(live.id, live);
  }

  const email = normalizeEmail(query);
  const phone = normalizePhone(query);
  const exact = (c: Customer) =>
    (email !== null && normalizeEmail(c.email) === email) ||
    (phone !== null && normalizePhone(c.phone) === phone);

  return [...found.values()]
    .sort((a, b) => Number(exact(b)) - Number(exact(a)) || a.name.localeCompare(b.name))
    .slice(0, limit);
}
