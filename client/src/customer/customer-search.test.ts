import type { Customer } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { resolveMerged, searchCustomers } from './customer-search.ts';
import { newCustomer } from './new-customer.ts';

function customer(id: string, extra: Partial<Customer> = {}): Customer {
  return {
    id,
    updatedAt: '2025-03-01T09:00:00.000Z',
    _deleted: false,
    name: `Customer ${id}`,
    email: null,
    phone: null,
    mergedInto: null,
    createdAt: '2025-03-01T09:00:00.000Z',
    ...extra,
  };
}

const ada = customer('ada', {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+1 555 123 4567',
});
const adaDuplicate = customer('ada-2', {
  name: 'A. Lovelace',
  email: 'ADA@example.com',
  mergedInto: 'ada',
});
const bob = customer('bob', { name: 'Bob Byte', phone: '(555) 987-6543' });
const all = [ada, adaDuplicate, bob];

describe('searchCustomers', () => {
  it('finds by name, email or phone digits, however they were typed', () => {
    expect(searchCustomers(all, 'lovelace').map((c) => c.id)).toEqual(['ada']);
    expect(searchCustomers(all, 'ADA@EXAMPLE').map((c) => c.id)).toEqual(['ada']);
    expect(searchCustomers(all, '987-65').map((c) => c.id)).toEqual(['bob']);
  });

  it('shows a merged record as the one it was merged into, once', () => {
    expect(searchCustomers(all, 'A. Lovelace')).toEqual([ada]);
    expect(resolveMerged('ada-2', new Map(all.map((c) => [c.id, c])))).toBe(ada);
  });

  it('finds nothing for an empty query', () => {
    expect(searchCustomers(all, '  ')).toEqual([]);
  });
});

describe('newCustomer', () => {
  const ids = { id: 'new', now: '2025-03-02T10:00:00.000Z' };

  it('makes a valid record with a normalised email', () => {
    const result = newCustomer({ name: ' Grace ', email: 'Grace@Navy.MIL ', phone: '' }, all, ids);
    expect(result).toEqual({
      ok: true,
      existing: false,
      customer: customer('new', {
        name: 'Grace',
        email: 'grace@navy.mil',
        createdAt: ids.now,
        updatedAt: ids.now,
      }),
    });
  });

  it('answers the existing customer for an email or phone already on file', () => {
    const result = newCustomer({ name: 'Bobby', email: '', phone: '555 987 6543' }, all, ids);
    expect(result).toMatchObject({ ok: true, existing: true, customer: { id: 'bob' } });
  });

  it('refuses a missing name or a malformed email or phone', () => {
    expect(newCustomer({ name: '', email: '', phone: '' }, all, ids).ok).toBe(false);
    expect(newCustomer({ name: 'X', email: 'not-mail', phone: '' }, all, ids).ok).toBe(false);
    expect(newCustomer({ name: 'X', email: '', phone: '12' }, all, ids).ok).toBe(false);
  });
});
