import type { CollectionName, DocumentOf } from '@pos/shared';

const AT = '2025-03-01T09:30:00.000Z';

export const sampleStore: DocumentOf<'stores'> = {
  id: 'store-main',
  updatedAt: AT,
  _deleted: false,
  name: 'Main Street',
  code: 'MS',
  timezone: 'America/Toronto',
  address: '1 Main Street',
  pricing: {
    currency: 'CAD',
    pricesIncludeTax: false,
    taxRounding: 'line',
    cashRounding: { increment: 5, mode: 'nearest' },
  },
  discountLimits: { cashier: 10_000, manager: 50_000, owner: 100_000 },
  receiptHeader: 'Thank you',
  receiptFooter: 'See you soon',
  scanning: {
    prefix: '',
    suffix: '',
    variableMeasure: [
      {
        prefixes: ['20'],
        itemCodeLength: 5,
        value: 'price',
        valueDigits: 5,
        decimals: 2,
        hasValueCheckDigit: false,
      },
    ],
  },
};

export const sampleDevice: DocumentOf<'devices'> = {
  id: 'device-1',
  updatedAt: AT,
  _deleted: false,
  storeId: sampleStore.id,
  code: 'T1',
  name: 'Front till',
};

export const sampleTaxRate: DocumentOf<'tax_rates'> = {
  id: 'tax-hst',
  updatedAt: AT,
  _deleted: false,
  name: 'HST',
  rateMilliPercent: 13_000,
};

export const sampleCategory: DocumentOf<'categories'> = {
  id: 'cat-drinks',
  updatedAt: AT,
  _deleted: false,
  name: 'Drinks',
  color: '#0088ff',
  sortOrder: 1,
};

export function sampleProduct(
  n: number,
  overrides: Partial<DocumentOf<'products'>> = {},
): DocumentOf<'products'> {
  return {
    id: `product-${n}`,
    updatedAt: AT,
    _deleted: false,
    sku: `SKU-${String(n).padStart(6, '0')}`,
    name: `Product ${n}`,
    categoryId: sampleCategory.id,
    barcodes: [String(400_000_000_000 + n).padStart(13, '0')],
    price: 100 + n,
    taxRateIds: [sampleTaxRate.id],
    soldBy: 'each',
    active: true,
    ...overrides,
  };
}

export const sampleStaff: DocumentOf<'staff'> = {
  id: 'user-cashier',
  updatedAt: AT,
  _deleted: false,
  displayName: 'Casey Cashier',
  email: 'cashier@demo.test',
  roles: ['cashier'],
  storeIds: [sampleStore.id],
  pinHash: null,
};

export const sampleCustomer: DocumentOf<'customers'> = {
  id: 'customer-1',
  updatedAt: AT,
  _deleted: false,
  name: 'Alex Doe',
  email: 'alex@example.test',
  phone: null,
  mergedInto: null,
  createdAt: AT,
};

export const sampleShift: DocumentOf<'shifts'> = {
  id: 'shift-1',
  updatedAt: AT,
  _deleted: false,
  storeId: sampleStore.id,
  deviceId: sampleDevice.id,
  status: 'closed',
  openedBy: sampleStaff.id,
  openedAt: AT,
  openingFloat: 10_000,
  closedBy: sampleStaff.id,
  closedAt: AT,
  blindClose: false,
  countedByDenomination: { '500': 3, '25': 4 },
  countedCash: 1_600,
  expectedCash: 1_600,
};

export const sampleCashMovement: DocumentOf<'cash_movements'> = {
  id: 'cash-1',
  updatedAt: AT,
  _deleted: false,
  shiftId: sampleShift.id,
  storeId: sampleStore.id,
  deviceId: sampleDevice.id,
  type: 'out',
  amount: 2_000,
  reason: 'Window cleaner',
  createdBy: sampleStaff.id,
  createdAt: AT,
};

export const sampleStockMovement: DocumentOf<'stock_movements'> = {
  id: 'move-1',
  updatedAt: AT,
  _deleted: false,
  productId: 'product-1',
  storeId: sampleStore.id,
  quantity: 24_000,
  reason: 'receive',
  saleId: null,
  createdBy: sampleStaff.id,
  createdAt: AT,
};

const totals = {
  subtotal: 202,
  discountTotal: 0,
  taxTotal: 26,
  total: 228,
  taxes: [
    { taxRateId: sampleTaxRate.id, name: 'HST', rateMilliPercent: 13_000, base: 202, amount: 26 },
  ],
  cashRounding: 2,
  due: 230,
  paid: 230,
  change: 270,
};

export const sampleSale: DocumentOf<'sales'> = {
  id: 'sale-1',
  updatedAt: AT,
  _deleted: false,
  kind: 'sale',
  refundOfSaleId: null,
  receiptNumber: 'MS-T1-000001',
  deviceSeq: 1,
  storeId: sampleStore.id,
  deviceId: sampleDevice.id,
  cashierId: sampleStaff.id,
  cashierName: sampleStaff.displayName,
  shiftId: null,
  customerId: null,
  approvedBy: null,
  receiptEmail: 'alex@example.test',
  pricing: sampleStore.pricing,
  lines: [
    {
      lineId: 'line-1',
      productId: 'product-1',
      sku: 'SKU-000001',
      name: 'Product 1',
      quantity: 2_000,
      unitPrice: 101,
      taxes: [{ taxRateId: sampleTaxRate.id, name: 'HST', rateMilliPercent: 13_000 }],
      discount: { type: 'percent', value: 0, reason: '', approvedBy: null },
      refundOfLineId: null,
    },
  ],
  cartDiscount: null,
  totals,
  payments: [{ id: 'pay-1', method: 'cash', amount: 230, tendered: 500, reference: null }],
  createdAt: AT,
  server: {
    receivedAt: AT,
    businessDay: '2025-03-01',
    status: 'accepted',
    issues: [],
    totals,
  },
};

export const sampleDocuments: { [C in CollectionName]: DocumentOf<C> } = {
  products: sampleProduct(1),
  categories: sampleCategory,
  tax_rates: sampleTaxRate,
  stores: sampleStore,
  devices: sampleDevice,
  staff: sampleStaff,
  customers: sampleCustomer,
  sales: sampleSale,
  stock_movements: sampleStockMovement,
  shifts: sampleShift,
  cash_movements: sampleCashMovement,
};
