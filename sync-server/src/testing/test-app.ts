import {
  cashDue,
  computeRefundTotals,
  computeSaleTotals,
  formatReceiptNumber,
  newId,
  type Discount,
  type Product,
  type Sale,
  type TokenResponse,
} from '@pos/shared';
import type { Hono } from 'hono';

import { createApp } from '../app.ts';
import { createAuth, type Auth } from '../auth/create-auth.ts';
import type { SharedState } from '../cache/connect-redis.ts';
import type { AuthConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { runMigrations } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import type { AppEnv } from '../http/app-env.ts';
import { silentLogger, type Logger } from '../observability/logger.ts';
import { createInProcessChangeBus, type ChangeBus } from '../replication/change-bus.ts';
import { DEMO_DEVICE_ID, DEMO_STORE_ID } from '../seed/demo-organisation.ts';
import { generateCatalog } from '../seed/generate-catalog.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { createTestAuthorizer, type TestAuthorizer } from './test-authorizer.ts';

export { SETUP_TIMEOUT_MS } from './setup-timeout.ts';

export const TEST_ISSUER = 'http://localhost:8080/auth/dev';
export const TEST_BODY_LIMIT = 64 * 1024;
export const TEST_CATALOG_SIZE = 20;

export interface TestApp {
  app: Hono<AppEnv>;
  db: Database;
  auth: Auth;
  bus: ChangeBus;
  authorizer: TestAuthorizer;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Redis-backed bus and pull cache (connectRedis) on the opened database; in process if omitted. */
  shared?: (db: Database) => SharedState;
  logger?: Logger;
}

/** The real app on a seeded database (in-memory PGlite unless a Postgres URL is given). */
export async function createTestApp(
  databaseUrl?: string,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const db = await openDatabase(
    databaseUrl === undefined ? { pgliteDir: 'memory://' } : { databaseUrl },
  );
  await runMigrations(db);
  await seedDemo(db, { size: TEST_CATALOG_SIZE });

  const config: AuthConfig = {
    mode: 'embedded',
    issuer: TEST_ISSUER,
    jwksUrl: undefined,
    audience: 'pos-api',
  };
  const auth = await createAuth(config, db);
  const shared = options.shared?.(db);
  const bus = shared?.bus ?? createInProcessChangeBus();
  const authorizer = createTestAuthorizer(db);
  const app = createApp({
    db,
    auth,
    bus,
    authorizer,
    pullPages: shared?.pullPages,
    redis: shared?.redis,
    logger: options.logger ?? silentLogger,
    bodyLimitBytes: TEST_BODY_LIMIT,
  });
  const close = async () => {
    await shared?.close();
    await db.close();
  };
  return { app, db, auth, bus, authorizer, close };
}

export async function login(app: Hono<AppEnv>, username: string, password: string) {
  const response = await app.request('/auth/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return (await response.json()) as TokenResponse;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

export function demoProducts(): Product[] {
  return generateCatalog(TEST_CATALOG_SIZE, new Date(0).toISOString());
}

const TAXES: Record<string, { name: string; rateMilliPercent: number }> = {
  'tax-gst': { name: 'GST', rateMilliPercent: 5000 },
  'tax-pst': { name: 'PST', rateMilliPercent: 7000 },
};

export interface SaleItem {
  product: Product;
  quantity: number;
  discount?: Discount;
}

export interface SaleOptions {
  cartDiscount?: Discount;
  shiftId?: string;
  cashierId?: string;
  receiptEmail?: string;
  /** Card unless told; cash is rounded to the store's step and tendered exactly. */
  method?: 'card' | 'cash';
}

/** A valid, correctly totalled sale at the demo till, as the till would push it. */
export function buildSale(deviceSeq: number, items: SaleItem[], options: SaleOptions = {}): Sale {
  const pricing = {
    currency: 'CAD',
    pricesIncludeTax: false,
    taxRounding: 'total',
    cashRounding: { increment: 5, mode: 'nearest' },
  } as const;
  const lines = items.map(({ product, quantity, discount }) => ({
    lineId: newId(),
    productId: product.id,
    sku: product.sku,
    name: product.name,
    quantity,
    unitPrice: product.price,
    taxes: product.taxRateIds.map((taxRateId) => ({
      taxRateId,
      name: TAXES[taxRateId]?.name ?? 'Tax',
      rateMilliPercent: TAXES[taxRateId]?.rateMilliPercent ?? 0,
    })),
    discount: discount ?? null,
    refundOfLineId: null,
  }));
  const cartDiscount = options.cartDiscount ?? null;
  const unpaid = computeSaleTotals({ lines, cartDiscount, pricing, payments: [] });
  const method = options.method ?? 'card';
  const amount = method === 'cash' ? cashDue(unpaid.total, 0, pricing) : unpaid.total;
  const payments = [
    { id: newId(), method, amount, tendered: method === 'cash' ? amount : null, reference: null },
  ];
  const createdAt = new Date().toISOString();

  return {
    id: newId(),
    updatedAt: createdAt,
    _deleted: false,
    kind: 'sale',
    refundOfSaleId: null,
    receiptNumber: formatReceiptNumber('MS', 'T1', deviceSeq),
    deviceSeq,
    storeId: DEMO_STORE_ID,
    deviceId: DEMO_DEVICE_ID,
    cashierId: options.cashierId ?? 'staff-cashier',
    cashierName: 'Casey Cashier',
    shiftId: options.shiftId ?? null,
    customerId: null,
    ...(options.receiptEmail === undefined ? {} : { receiptEmail: options.receiptEmail }),
    pricing,
    lines,
    cartDiscount,
    totals: computeSaleTotals({ lines, cartDiscount, pricing, payments }),
    payments,
    createdAt,
  };
}

/**
 * A card refund of `quantity` of the original's first line, totalled from the original and
 * approved by the demo manager unless `approvedBy` says otherwise.
 */
export function buildRefund(
  original: Sale,
  deviceSeq: number,
  quantity: number,
  previousRefunds: Sale[] = [],
  approvedBy: string | null = 'staff-manager',
): Sale {
  const source = original.lines[0];
  if (source === undefined) throw new Error('the original has no lines');
  const lines = [{ ...source, lineId: newId(), quantity, refundOfLineId: source.lineId }];
  const unpaid = computeRefundTotals({ original, lines, previousRefunds, payments: [] });
  const payments = [
    { id: newId(), method: 'card', amount: unpaid.total, tendered: null, reference: null },
  ] as const;
  const createdAt = new Date().toISOString();

  return {
    ...original,
    id: newId(),
    updatedAt: createdAt,
    kind: 'refund',
    refundOfSaleId: original.id,
    approvedBy,
    receiptNumber: formatReceiptNumber('MS', 'T1', deviceSeq),
    deviceSeq,
    lines,
    cartDiscount: null,
    totals: computeRefundTotals({ original, lines, previousRefunds, payments: [...payments] }),
    payments: [...payments],
    createdAt,
  };
}

export function pushBody(
  rows: { assumedMasterState: Record<string, unknown> | null; newDocumentState: unknown }[],
) {
  return JSON.stringify({ rows });
}
