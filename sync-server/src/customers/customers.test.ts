import type { Customer } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { readMaster } from '../replication/read-masters.ts';
import { buildCustomer } from '../testing/build-documents.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { buildSale, demoProducts } from '../testing/test-app.ts';

describe('customers pushed from tills', () => {
  const product = demoProducts()[0];
  if (product === undefined) throw new Error('no demo product');

  const demo = useDemoApp(async ({ cashier }) => {
    await cashier.push('customers', [
      buildCustomer('cust-ada', {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        phone: '+1 (555) 123-4567',
      }),
      buildCustomer('cust-grace', { name: 'Grace Hopper', email: null, phone: '416 555 0199' }),
    ]);
  });

  const stored = async (id: string) =>
    (await readMaster(demo.t.db, 'demo', 'customers', id)) as unknown as Customer | undefined;

  it('stores a new customer with a known email merged into the existing one, never rejected', async () => {
    const twin = buildCustomer('cust-ada-2', { name: 'A. Lovelace', email: '  ADA@Example.com ' });

    const pushed = await demo.cashier.push('customers', [twin]);

    expect(pushed.body).toEqual({ conflicts: [], rejected: [] });
    expect(await stored('cust-ada-2')).toMatchObject({
      mergedInto: 'cust-ada',
      name: 'A. Lovelace',
    });
  });

  it('matches phones however they were typed', async () => {
    await demo.cashier.push('customers', [
      buildCustomer('cust-ada-3', { phone: '1-555-123-4567 ext. 9' }),
    ]);

    expect((await stored('cust-ada-3'))?.mergedInto).toBe('cust-ada');
  });

  it('keeps a customer sharing nothing live, whatever mergedInto the till sent', async () => {
    await demo.cashier.push('customers', [
      buildCustomer('cust-new', { email: 'new@example.com', mergedInto: 'cust-ada' }),
    ]);

    expect((await stored('cust-new'))?.mergedInto).toBeNull();
  });

  it('merges the second of two new twins in one push into the first', async () => {
    await demo.cashier.push('customers', [
      buildCustomer('cust-twin-1', { phone: '604 555 0100' }),
      buildCustomer('cust-twin-2', { phone: '(604) 555-0100' }),
    ]);

    expect((await stored('cust-twin-1'))?.mergedInto).toBeNull();
    expect((await stored('cust-twin-2'))?.mergedInto).toBe('cust-twin-1');
  });

  it('keeps mergedInto the server’s: a till edit cannot undo a merge', async () => {
    const master = await stored('cust-ada-2');
    if (master === undefined) throw new Error('cust-ada-2 was not stored');

    const edited = { ...master, name: 'Augusta Ada', mergedInto: null };
    const pushed = await demo.cashier.pushRows('customers', [
      { assumedMasterState: master, newDocumentState: edited },
    ]);

    expect(pushed.body).toEqual({ conflicts: [], rejected: [] });
    expect(await stored('cust-ada-2')).toMatchObject({
      name: 'Augusta Ada',
      mergedInto: 'cust-ada',
    });
  });

  it('accepts sales naming a merged customer', async () => {
    const sale = { ...buildSale(1, [{ product, quantity: 1000 }]), customerId: 'cust-ada-2' };

    expect((await demo.cashier.push('sales', [sale])).body).toEqual({
      conflicts: [],
      rejected: [],
    });
  });

  it('finds live customers by name, email or phone digits for an online till', async () => {
    const search = async (query: string) =>
      (
        await demo.cashier.get<{ customers: Customer[] }>(
          `/api/customers?query=${encodeURIComponent(query)}`,
        )
      ).body.customers.map((c) => c.id);

    expect(await search('lovelace')).toEqual(['cust-ada']);
    expect(await search('EXAMPLE.COM')).toEqual(['cust-ada', 'cust-new']);
    expect(await search('555-0199')).toEqual(['cust-grace']);
    expect(await search('%ada')).toEqual([]);
    expect(await search('_da')).toEqual([]);
    expect((await demo.cashier.get('/api/customers?query=a')).status).toBe(422);
  });
});
