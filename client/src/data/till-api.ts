import type {
  CashMovement,
  CashRounding,
  Category,
  Device,
  Discount,
  MeResponse,
  Payment,
  Product,
  Sale,
  SaleTotals,
  Shift,
  ShiftReport,
  Staff,
  Store,
  TaxRate,
} from '@pos/shared';

import type { PermissionSnapshot } from '../session/permission-snapshot.ts';
import type { ApprovalApi } from './approval-api.ts';
import type { CustomerApi } from './customer-api.ts';
import type { RefundApi } from './refund-api.ts';
import type { StaffPinApi } from './staff-pin-api.ts';

/**
 * The seam between the till's screens and its data layer. Screens read and write through
 * these types only; the data layer (RxDB, replication, session) implements them.
 */

export interface Session {
  me: MeResponse;
  accessToken: string;
  /** Epoch ms; the access token may be expired while offline, selling goes on. */
  accessTokenExpiresAt: number;
  signedInAt: string;
}

export interface TillContext {
  session: Session;
  store: Store;
  device: Device;
  /** The cashier ringing up sales now (may differ from the signed-in user after a PIN switch). */
  cashier: Pick<Staff, 'id' | 'displayName' | 'roles'>;
  /** What the cashier may do in this store: buttons they may not use are disabled with why. */
  permissions: PermissionSnapshot;
}

export interface CatalogIndex {
  products: readonly Product[];
  categories: readonly Category[];
  taxRates: ReadonlyMap<string, TaxRate>;
  /** Exact scan-code lookup, including leading zeros. */
  byBarcode(code: string): Product | undefined;
  /** Case-insensitive name or SKU search, best matches first. */
  search(query: string, limit?: number): Product[];
  byCategory(categoryId: string | null): Product[];
}

export interface CartLine {
  lineId: string;
  productId: string;
  /** Thousandths: 1000 is one piece. */
  quantity: number;
  discount: Discount | null;
  /** A price of its own (a price-marked label), in minor units; the catalog price otherwise. */
  unitPrice?: number | undefined;
}

export interface Cart {
  id: string;
  lines: CartLine[];
  cartDiscount: Discount | null;
  customerId: string | null;
}

export interface SaleDraft {
  cart: Cart;
  payments: Payment[];
  /** The server emails the receipt here once the sale reaches it. */
  receiptEmail?: string | null;
}

export interface ParkedCart {
  id: string;
  cart: Cart;
  note: string;
  parkedAt: string;
}

export type SyncPhase = 'idle' | 'syncing' | 'error';

export interface SyncStatus {
  online: boolean;
  phase: SyncPhase;
  /** Sales and other documents written here that the server has not confirmed yet. */
  waiting: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  /** Documents the server would not keep; `collection` says what kind (sales, shifts, …). */
  rejected: { collection?: string; id: string; code: string; message: string }[];
}

export interface CloseShiftInput {
  /** Denomination in minor units (as text) to how many were counted. */
  countedByDenomination: Record<string, number>;
  /** The cashier counted without seeing the expected cash first. */
  blindClose: boolean;
}

/** This device's cash drawer shifts: one open at a time, every sale and refund tagged with it. */
export interface ShiftApi {
  currentShift(): Promise<Shift | null>;
  /** Called with this device's open shift (or null) now and whenever shifts change. */
  subscribe(listener: (shift: Shift | null) => void): () => void;
  /** Refused while another shift is open on this device, online or not. */
  openShift(openingFloat: number): Promise<Shift>;
  addCashMovement(
    type: CashMovement['type'],
    amount: number,
    reason: string,
  ): Promise<CashMovement>;
  closeShift(input: CloseShiftInput): Promise<Shift>;
  /** The Z report from this till's own copies of the shift's documents. */
  report(shiftId: string): Promise<ShiftReport>;
  /** This device's shifts, newest first. */
  recentShifts(limit: number): Promise<Shift[]>;
}

export interface TillApi {
  shifts: ShiftApi;

  catalog(): CatalogIndex;
  subscribeCatalog(listener: (catalog: CatalogIndex) => void): () => void;

  /** Prices the cart with the store's rules; the same function the server re-runs. */
  priceCart(cart: Cart, payments: Payment[]): SaleTotals;
  cashRounding(): CashRounding;

  /** Assigns the next receipt number (unique per device, across tabs) and stores the sale. */
  completeSale(draft: SaleDraft): Promise<Sale>;
  recentSales(limit: number): Promise<Sale[]>;
  subscribeSales(listener: (sales: Sale[]) => void): () => void;
  onHand(productId: string): number | undefined;
  /** On hand (thousandths) per product in this store, as it is now. */
  stockLevels(): ReadonlyMap<string, number>;
  subscribeStock(listener: (levels: ReadonlyMap<string, number>) => void): () => void;

  parkCart(cart: Cart, note: string): Promise<void>;
  parkedCarts(): Promise<ParkedCart[]>;
  resumeParkedCart(id: string): Promise<Cart | undefined>;

  syncStatus(): SyncStatus;
  subscribeSyncStatus(listener: (status: SyncStatus) => void): () => void;

  refunds: RefundApi;
  approvals: ApprovalApi;
  staffPins: StaffPinApi;
  customers: CustomerApi;
}
