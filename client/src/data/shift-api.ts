import {
  cashMovementSchema,
  computeShiftReport,
  denominationTotal,
  newId,
  shiftSchema,
  type CashMovement,
  type Sale,
  type Shift,
  type ShiftReport,
} from '@pos/shared';

import { withExclusiveLock } from './exclusive-lock.ts';
import { plainDocument, withoutDeletedFlag } from './plain-document.ts';
import type { RxDoc } from './schema/collection-schema.ts';
import type { TillDatabase } from './till-database.ts';
import type { CloseShiftInput, ShiftApi, TillContext } from './till-api.ts';

/** A shift action the till refuses; the message is meant for the cashier. */
export class ShiftError extends Error {
  override readonly name = 'ShiftError';
}

const SHIFT_LOCK = 'shift';

function openShiftQuery(db: TillDatabase, deviceId: string) {
  return db.shifts.findOne({
    selector: { deviceId, status: 'open' },
    sort: [{ openedAt: 'desc' }],
  });
}

/** The open shift of a device, or null: what sales and refunds are tagged with. */
export async function findOpenShift(db: TillDatabase, deviceId: string): Promise<Shift | null> {
  const doc = await openShiftQuery(db, deviceId).exec();
  return doc ? plainDocument<RxDoc<'shifts'>>(doc._data) : null;
}

export async function shiftDocuments(
  db: TillDatabase,
  shiftId: string,
): Promise<{ sales: Sale[]; cashMovements: CashMovement[] }> {
  const [sales, movements] = await Promise.all([
    db.sales.find({ selector: { shiftId } }).exec(),
    db.cash_movements.find({ selector: { shiftId } }).exec(),
  ]);
  return {
    sales: sales.map((doc) => plainDocument<RxDoc<'sales'>>(doc._data)),
    cashMovements: movements.map((doc) => plainDocument<RxDoc<'cash_movements'>>(doc._data)),
  };
}

/** Shifts and cash movements over RxDB; they replicate like sales. */
export function createShiftApi(
  db: TillDatabase,
  context: () => TillContext,
  now: () => Date = () => new Date(),
): ShiftApi {
  async function requireOpenShift(): Promise<Shift> {
    const shift = await findOpenShift(db, context().device.id);
    if (shift === null) throw new ShiftError('No shift is open on this till');
    return shift;
  }

  async function report(shiftId: string): Promise<ShiftReport> {
    const doc = await db.shifts.findOne(shiftId).exec();
    if (!doc) throw new ShiftError(`Shift ${shiftId} is not on this till`);
    const shift = plainDocument<RxDoc<'shifts'>>(doc._data);
    return computeShiftReport({ shift, ...(await shiftDocuments(db, shiftId)) });
  }

  return {
    currentShift: () => findOpenShift(db, context().device.id),

    subscribe(listener) {
      const subscription = openShiftQuery(db, context().device.id).$.subscribe((doc) =>
        listener(doc ? plainDocument<RxDoc<'shifts'>>(doc._data) : null),
      );
      return () => subscription.unsubscribe();
    },

    openShift(openingFloat) {
      // Checked and written under one lock, so two tabs cannot both open a shift.
      return withExclusiveLock(SHIFT_LOCK, async () => {
        const till = context();
        if ((await findOpenShift(db, till.device.id)) !== null) {
          throw new ShiftError('A shift is already open on this till; close it first');
        }

        const at = now().toISOString();
        const shift = shiftSchema.parse({
          id: newId(),
          updatedAt: at,
          _deleted: false,
          storeId: till.store.id,
          deviceId: till.device.id,
          status: 'open',
          openedBy: till.cashier.id,
          openedAt: at,
          openingFloat,
          closedBy: null,
          closedAt: null,
          blindClose: false,
          countedByDenomination: null,
          countedCash: null,
          expectedCash: null,
        } satisfies Shift);
        await db.shifts.insert(withoutDeletedFlag(shift));
        return shift;
      });
    },

    async addCashMovement(type, amount, reason) {
      const shift = await requireOpenShift();
      const till = context();
      const at = now().toISOString();

      const movement = cashMovementSchema.parse({
        id: newId(),
        updatedAt: at,
        _deleted: false,
        shiftId: shift.id,
        storeId: till.store.id,
        deviceId: till.device.id,
        type,
        amount,
        reason: reason.trim(),
        createdBy: till.cashier.id,
        createdAt: at,
      } satisfies CashMovement);
      await db.cash_movements.insert(withoutDeletedFlag(movement));
      return movement;
    },

    closeShift(input: CloseShiftInput) {
      return withExclusiveLock(SHIFT_LOCK, async () => {
        const shift = await requireOpenShift();
        const at = now().toISOString();
        const countedCash = denominationTotal(input.countedByDenomination);
        const { expectedCash } = await report(shift.id);

        const closed = shiftSchema.parse({
          ...shift,
          updatedAt: at,
          status: 'closed',
          closedBy: context().cashier.id,
          closedAt: at,
          blindClose: input.blindClose,
          countedByDenomination: input.countedByDenomination,
          countedCash,
          expectedCash,
        } satisfies Shift);

        const doc = await db.shifts.findOne(shift.id).exec();
        if (!doc) throw new ShiftError('The shift disappeared while closing');
        await doc.incrementalPatch(withoutDeletedFlag(closed));
        return closed;
      });
    },

    report,

    async recentShifts(limit) {
      const docs = await db.shifts
        .find({
          selector: { deviceId: context().device.id },
          sort: [{ openedAt: 'desc' }],
          limit,
        })
        .exec();
      return docs.map((doc) => plainDocument<RxDoc<'shifts'>>(doc._data));
    },
  };
}
