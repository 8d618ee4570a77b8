import { describe, expect, it } from 'vitest';

import { stockMovementSchema } from '../documents/sale.ts';
import { cash, line, pricing, refund, sale } from '../pricing/sale-fixtures.ts';
import { onHand, saleStockMovementId, saleStockMovements } from './on-hand.ts';

describe('onHand', () => {
  it('sums live movements per product and skips deleted ones', () => {
    const totals = onHand([
      { productId: 'a', quantity: 5000, _deleted: false },
      { productId: 'a', quantity: -2000, _deleted: false },
      { productId: 'a', quantity: -1000, _deleted: true },
      { productId: 'b', quantity: 1234, _deleted: false },
    ]);
    expect([...totals]).toEqual([
      ['a', 3000],
      ['b', 1234],
    ]);
  });
});

describe('saleStockMovements', () => {
  const original = sale('s1', [line('a', 100, 2000), line('b', 50, 1500)], pricing(), [cash(175)]);

  it('takes each sold line out of stock under a deterministic id', () => {
    const movements = saleStockMovements(original, '2024-05-01T12:00:05.000Z');
    expect(movements.map((m) => [m.id, m.productId, m.quantity, m.reason])).toEqual([
      ['sale:s1:a', 'product-a', -2000, 'sale'],
      ['sale:s1:b', 'product-b', -1500, 'sale'],
    ]);
    expect(movements[0]).toMatchObject({
      storeId: 'store-1',
      saleId: 's1',
      createdBy: 'staff-1',
      createdAt: '2024-05-01T12:00:05.000Z',
      updatedAt: '2024-05-01T12:00:05.000Z',
      _deleted: false,
    });
    expect(movements.every((m) => stockMovementSchema.safeParse(m).success)).toBe(true);
  });

  it('puts refunded lines back', () => {
    const back = { ...line('a', 100, 500), lineId: 'r1', refundOfLineId: 'a' };
    const given = refund('r9', original, [back], [cash(50)], original.totals);
    const movements = saleStockMovements(given, '2024-05-02T09:00:00.000Z');
    expect(movements).toMatchObject([{ id: 'sale:r9:r1', quantity: 500, reason: 'refund' }]);
    expect(onHand([...saleStockMovements(original, 'x'), ...movements]).get('product-a')).toBe(
      -1500,
    );
  });

  // Guards against movement id collisions: sale 'a' line 'b.c' and sale 'a.b' line 'c' once
  // shared an id, so one line's stock movement silently replaced the other's. Line ids hold no
  // '.' or ':' (sale.test.ts), so the part after the last ':' is always the line.
  it('never gives two different sale and line pairs the same movement id', () => {
    expect(saleStockMovementId('a', 'b-c')).not.toBe(saleStockMovementId('a-b', 'c'));
    expect(saleStockMovementId('a.b', 'c')).toBe('sale:a.b:c');
  });
});
