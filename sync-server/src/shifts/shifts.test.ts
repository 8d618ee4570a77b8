import type { ShiftReport, Shift } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { pushDocuments } from '../replication/push-documents.ts';
import { buildCashMovement, buildShift, closeShift } from '../testing/build-documents.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { buildSale, demoProducts } from '../testing/test-app.ts';
import type { ClosingCheck } from './closing-checks.ts';

interface ReportBody {
  shift: Shift;
  report: ShiftReport;
  closingCheck: ClosingCheck | null;
}

describe('shifts', () => {
  let nextSeq = 1;
  const product = demoProducts()[1];
  if (product === undefined) throw new Error('no demo product');

  const demo = useDemoApp();

  const cashSale = (shiftId: string) =>
    buildSale(nextSeq++, [{ product, quantity: 1000 }], { shiftId, method: 'cash' });
  /** Closes an open shift the way the till does: an edit of the stored master. */
  const close = (open: Shift, expectedCash: number, countedCash = expectedCash) =>
    demo.cashier.pushRows('shifts', [
      { assumedMasterState: open, newDocumentState: closeShift(open, expectedCash, countedCash) },
    ]);

  it('lets a device open one shift, quarantining a second while the first is open', async () => {
    const first = buildShift('shift-a');
    const second = buildShift('shift-b', { openedAt: '2026-03-02T10:00:00.000Z' });

    expect((await demo.cashier.push('shifts', [first])).body).toEqual({
      conflicts: [],
      rejected: [],
    });
    const refused = await demo.cashier.push('shifts', [second]);

    expect(refused.body.rejected).toEqual([
      { id: 'shift-b', code: 'shift_already_open', message: expect.stringContaining('shift-a') },
    ]);
    const { rows } = await demo.t.db.query<{ code: string }>(
      `select code from quarantine where collection = 'shifts' and document_id = 'shift-b'`,
      [],
    );
    expect(rows).toEqual([{ code: 'shift_already_open' }]);

    // Closing the first (compare-and-set on the same document) frees the device.
    expect((await close(first, 100_00)).body).toEqual({ conflicts: [], rejected: [] });
    expect((await demo.cashier.push('shifts', [second])).body.rejected).toEqual([]);
    expect((await close(second, 100_00)).body.rejected).toEqual([]);
  });

  it('applies a closing before an opening pushed in the same batch, whatever their order', async () => {
    const open = buildShift('shift-c');
    await demo.cashier.push('shifts', [open]);
    const next = buildShift('shift-d');

    const pushed = await demo.cashier.pushRows('shifts', [
      { assumedMasterState: null, newDocumentState: next },
      { assumedMasterState: open, newDocumentState: closeShift(open, 100_00, 100_00) },
    ]);

    expect(pushed.body).toEqual({ conflicts: [], rejected: [] });
    expect((await close(next, 100_00)).body.rejected).toEqual([]);
  });

  it('returns the master as a conflict for a stale closing', async () => {
    const open = buildShift('shift-e');
    await demo.cashier.push('shifts', [open]);
    await close(open, 100_00);

    const stale = await close(open, 100_00, 99_00);

    expect(stale.body.conflicts).toEqual([
      expect.objectContaining({ id: 'shift-e', status: 'closed' }),
    ]);
  });

  it('keeps cash movements immutable: another version is a conflict', async () => {
    const movement = buildCashMovement('cash-imm', 'shift-e', 'out', 5_00);
    await demo.cashier.push('cash_movements', [movement]);

    const changed = await demo.cashier.pushRows('cash_movements', [
      { assumedMasterState: movement, newDocumentState: { ...movement, amount: 1 } },
    ]);

    expect(changed.body.conflicts).toEqual([movement]);
  });

  it('works out the expected cash of a closing itself, and says when the till differs', async () => {
    const open = buildShift('shift-f');
    await demo.cashier.push('shifts', [open]);
    const sales = [cashSale('shift-f'), cashSale('shift-f')];
    await demo.cashier.push('sales', sales);
    await demo.cashier.push('cash_movements', [
      buildCashMovement('cash-f-in', 'shift-f', 'in', 20_00),
      buildCashMovement('cash-f-out', 'shift-f', 'out', 5_00),
    ]);
    const cashTaken = sales.reduce((sum, sale) => sum + (sale.payments[0]?.amount ?? 0), 0);
    const expected = 100_00 + cashTaken + 20_00 - 5_00;

    const closing = closeShift(open, expected - 1_00, expected - 1_00);
    const result = await pushDocuments(
      { db: demo.t.db, bus: demo.t.bus, authorizer: demo.t.authorizer },
      { tenantId: 'demo', userId: 'staff-cashier', now: new Date() },
      'shifts',
      [{ assumedMasterState: open, newDocumentState: closing }],
    );

    expect(result.notices).toEqual([
      {
        event: 'shift_cash_difference',
        fields: expect.objectContaining({
          shiftId: 'shift-f',
          tillExpectedCash: expected - 1_00,
          serverExpectedCash: expected,
        }),
      },
    ]);
    const { rows } = await demo.t.db.query(
      `select till_expected_cash, server_expected_cash, counted_cash from shift_cash_checks
       where shift_id = 'shift-f'`,
      [],
    );
    expect(rows).toEqual([
      {
        till_expected_cash: expected - 1_00,
        server_expected_cash: expected,
        counted_cash: expected - 1_00,
      },
    ]);
  });

  it('reports a shift over what has arrived so far, late sales included', async () => {
    const open = buildShift('shift-g');
    await demo.cashier.push('shifts', [open]);
    const early = cashSale('shift-g');
    await demo.cashier.push('sales', [early]);
    const earlyCash = early.payments[0]?.amount ?? 0;
    await close(open, 100_00 + earlyCash);

    // A sale rung up in the shift reaches the server after the closing.
    const late = cashSale('shift-g');
    await demo.cashier.push('sales', [late]);
    const report = await demo.manager.get<ReportBody>('/api/shifts/shift-g/report');

    expect(report.status).toBe(200);
    expect(report.body.report).toMatchObject({
      shiftId: 'shift-g',
      salesCount: 2,
      expectedCash: 100_00 + earlyCash + (late.payments[0]?.amount ?? 0),
    });
    expect(report.body.closingCheck).toMatchObject({ serverExpectedCash: 100_00 + earlyCash });
  });

  it('lists shifts by store and status for managers only', async () => {
    const open = buildShift('shift-h');
    await demo.cashier.push('shifts', [open]);

    const openOnes = await demo.manager.get<{ shifts: Shift[] }>(
      '/api/shifts?storeId=store-main&status=open',
    );
    const closedOnes = await demo.manager.get<{ shifts: (Shift & { closingCheck: unknown })[] }>(
      '/api/shifts?status=closed',
    );

    expect(openOnes.body.shifts.map((s) => s.id)).toEqual(['shift-h']);
    expect(closedOnes.body.shifts.map((s) => s.id)).toContain('shift-f');
    expect(closedOnes.body.shifts.every((s) => s.closingCheck !== null)).toBe(true);
    expect((await demo.cashier.get('/api/shifts')).status).toBe(403);
    expect((await demo.cashier.get('/api/shifts/shift-h/report')).status).toBe(403);
    expect((await demo.manager.get('/api/shifts?status=paused')).status).toBe(422);
    expect((await demo.manager.get('/api/shifts/shift-nowhere/report')).status).toBe(404);
  });
});
