import type { Payment } from '@pos/shared';
import type { RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createTillApi } from './local-till-api.ts';
import { isQuotaError, StorageFullError } from './storage-full.ts';
import { validatingStorage } from './testing/test-database.ts';
import { sampleProduct, sampleTaxRate } from './testing/sample-documents.ts';
import { sampleTillContext } from './testing/sample-till-context.ts';
import { openTillData, type TillData } from './till-data.ts';
import { openTillDatabase, type TillDatabase } from './till-database.ts';
import type { Cart, SyncStatus, TillApi } from './till-api.ts';
import { insertableDocument } from './validate-document.ts';

const idle: SyncStatus = {
  online: false,
  phase: 'idle',
  waiting: 0,
  lastSyncedAt: null,
  lastError: null,
  rejected: [],
};

/** IndexedDB's own error, the way a browser out of space raises it. */
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A storage whose sales writes fail with a quota error while `full.now` is set. */
function storageThatFills(full: { now: boolean }): RxStorage<unknown, unknown> {
  const inner = validatingStorage();
  return {
    ...inner,
    name: inner.name,
    rxdbVersion: inner.rxdbVersion,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, unknown>,
    ): Promise<RxStorageInstance<RxDocType, unknown, unknown>> {
      const instance = await inner.createStorageInstance(params);
      if (params.collectionName !== 'sales') return instance;
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows, context) =>
        full.now ? Promise.reject(quotaError()) : bulkWrite(rows, context);
      return instance;
    },
  };
}

const cart: Cart = {
  id: 'cart-1',
  lines: [{ lineId: 'line-1', productId: 'product-1', quantity: 1000, discount: null }],
  cartDiscount: null,
  customerId: null,
};
const cash = (amount: number): Payment => ({
  id: 'pay-1',
  method: 'cash',
  amount,
  tendered: amount,
  reference: null,
});

describe('a till whose storage is full', () => {
  const full = { now: false };
  let db: TillDatabase;
  let data: TillData;
  let api: TillApi;

  beforeEach(async () => {
    full.now = false;
    db = await openTillDatabase({
      tenantId: `full-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
      storage: storageThatFills(full),
      multiInstance: false,
    });
    await db.tax_rates.insert(insertableDocument('tax_rates', sampleTaxRate));
    await db.products.insert(insertableDocument('products', sampleProduct(1)));
    data = openTillData(db, { deviceId: 'device-1', storeId: 'store-main' });
    await data.ready;
    api = createTillApi(data, () => sampleTillContext, {
      current: () => idle,
      subscribe: () => () => undefined,
    });
  });

  afterEach(async () => {
    await data.close();
    await db.close();
  });

  it('says the storage is full instead of hanging, and saves the same sale once there is room', async () => {
    const due = api.priceCart(cart, [cash(0)]).due;
    full.now = true;

    const refused = api.completeSale({ cart, payments: [cash(due)] });
    await expect(refused).rejects.toBeInstanceOf(StorageFullError);
    await expect(refused).rejects.toThrow(/storage is full.*Nothing is lost.*Complete sale again/s);
    expect(await db.sales.count().exec()).toBe(0);

    full.now = false;
    const sale = await api.completeSale({ cart, payments: [cash(due)] });
    expect(await db.sales.findOne(sale.id).exec()).not.toBeNull();
    expect(sale.totals.due).toBe(due);
  });

  it('passes other failures on as they are', async () => {
    await expect(api.completeSale({ cart, payments: [cash(1)] })).rejects.toThrow(/cover/);
  });
});

describe('isQuotaError', () => {
  it('finds the quota error however deep Dexie and RxDB wrapped it', () => {
    const dexie = Object.assign(new Error('QuotaExceededError'), {
      name: 'QuotaExceededError',
      inner: quotaError(),
    });
    const rxdb = Object.assign(new Error('RxError (SNH)'), { parameters: { errors: [dexie] } });

    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError(rxdb)).toBe(true);
    expect(isQuotaError(new Error('other', { cause: new Error('x') }))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});
