import { expect, type APIRequestContext } from '@playwright/test';

/** What the test needs of a product from the server's catalog. */
export interface CatalogProduct {
  id: string;
  sku: string;
  name: string;
  barcodes: string[];
  price: number;
  taxRateIds: string[];
  soldBy: 'each' | 'weight';
  active: boolean;
  _deleted: boolean;
}

export interface ServerTotals {
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  taxes: { taxRateId: string; amount: number }[];
  cashRounding: number;
  due: number;
  paid: number;
  change: number;
}

export interface ServerSale {
  id: string;
  kind: 'sale' | 'refund';
  receiptNumber: string;
  deviceId: string;
  storeId: string;
  shiftId: string | null;
  refundOfSaleId: string | null;
  approvedBy?: string | null;
  cashierId: string;
  lines: {
    lineId: string;
    productId: string;
    sku: string;
    quantity: number;
    refundOfLineId?: string | null;
  }[];
  payments: { method: 'cash' | 'card'; amount: number }[];
  totals: ServerTotals;
  server?: { status: 'accepted' | 'flagged' | 'quarantined'; totals: ServerTotals };
}

export const STORE_ID = 'store-main';

export interface TenderTotals {
  sales: number;
  refunds: number;
  net: number;
}

/** The Z report as the server recomputes it from whatever of the shift has arrived. */
export interface ServerShiftReport {
  shift: { id: string; status: string; countedCash: number | null; expectedCash: number | null };
  report: {
    shiftId: string;
    openingFloat: number;
    salesCount: number;
    refundsCount: number;
    grossSales: number;
    refundsTotal: number;
    netSales: number;
    cashRoundingTotal: number;
    taxes: { taxRateId: string; base: number; amount: number }[];
    tenders: { cash: TenderTotals; card: TenderTotals };
    cashIn: number;
    cashOut: number;
    expectedCash: number;
    countedCash: number | null;
    difference: number | null;
  };
}

export interface QuarantineEntry {
  collection: string;
  documentId: string;
  code: string;
  message: string;
}

/**
 * The server as a manager sees it. The test checks what the tills did through this API only,
 * never through the till's own storage.
 */
export class ServerApi {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  static async asManager(request: APIRequestContext): Promise<ServerApi> {
    const response = await request.post('/auth/dev/token', {
      data: { username: 'manager@demo.test', password: 'manager123' },
    });
    expect(response.status(), await response.text()).toBe(200);
    const body = (await response.json()) as { access_token: string };
    return new ServerApi(request, body.access_token);
  }

  /** The server as whoever the token belongs to (a Keycloak token in the stack suite). */
  static withToken(request: APIRequestContext, token: string): ServerApi {
    return new ServerApi(request, token);
  }

  private async get<T>(path: string): Promise<T> {
    const response = await this.request.get(path, {
      headers: { Authorization: `Bearer ${this.token}` },
    });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
    return (await response.json()) as T;
  }

  async products(): Promise<CatalogProduct[]> {
    const body = await this.get<{ documents: CatalogProduct[] }>(
      '/api/sync/products/pull?seq=0&limit=1000',
    );
    return body.documents;
  }

  /** The newest sales first; up to 500 (the server's cap) when other tills sell meanwhile. */
  async sales(limit = 100): Promise<ServerSale[]> {
    const body = await this.get<{ sales: ServerSale[] }>(`/api/sales?limit=${limit}`);
    return body.sales;
  }

  /** The signed-in staff member's id, as documents name them (`approvedBy`, `cashierId`). */
  async userId(): Promise<string> {
    return (await this.get<{ userId: string }>('/api/me')).userId;
  }

  async shiftIds(): Promise<string[]> {
    const body = await this.get<{ shifts: { id: string }[] }>(`/api/shifts?storeId=${STORE_ID}`);
    return body.shifts.map((shift) => shift.id);
  }

  async shiftReport(shiftId: string): Promise<ServerShiftReport> {
    return this.get<ServerShiftReport>(`/api/shifts/${shiftId}/report`);
  }

  async quarantine(): Promise<QuarantineEntry[]> {
    return (await this.get<{ entries: QuarantineEntry[] }>('/api/quarantine?limit=100')).entries;
  }

  /** Thousandths on hand per product id. */
  async onHand(): Promise<Map<string, number>> {
    const body = await this.get<Record<string, number | string>>(
      `/api/stock/on-hand?storeId=${STORE_ID}`,
    );
    return new Map(Object.entries(body).map(([id, quantity]) => [id, Number(quantity)]));
  }
}

/** Products a cashier can scan: active, sold by the piece, with an EAN-13. */
export function scannableProducts(products: readonly CatalogProduct[]): CatalogProduct[] {
  return products.filter(
    (p) =>
      p.active &&
      !p._deleted &&
      p.soldBy === 'each' &&
      p.price > 0 &&
      p.barcodes.some((code) => /^\d{13}$/.test(code)),
  );
}

export function ean13Of(product: CatalogProduct): string {
  const code = product.barcodes.find((c) => /^\d{13}$/.test(c));
  if (code === undefined) throw new Error(`${product.sku} has no EAN-13`);
  return code;
}

/** GS1 mod-10 check digit, written out here so the test does not trust the code it checks. */
function checkDigit(body: string): number {
  const sum = Array.from(body)
    .reverse()
    .reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

/** A demo scale label (prefix 21, 5-digit item code, weight in grams). */
export function scaleLabel(itemCode: string, grams: number): string {
  const body = `21${itemCode}${String(grams).padStart(5, '0')}`;
  return `${body}${checkDigit(body)}`;
}

/** A product weighed at the scale: sold by weight, found by its 5-digit item code. */
export function weighedProduct(products: readonly CatalogProduct[]): {
  product: CatalogProduct;
  itemCode: string;
} {
  for (const product of products) {
    const itemCode = product.barcodes.find((code) => /^\d{5}$/.test(code));
    if (product.active && product.soldBy === 'weight' && itemCode !== undefined) {
      return { product, itemCode };
    }
  }
  throw new Error('the demo catalog has no weighed product with an item code');
}
