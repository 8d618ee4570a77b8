import type { Sale, StockMovement } from '../documents/sale.ts';

/** Stock on hand per product in thousandths: the sum of its live ledger movements. */
export function onHand(
  movements: readonly Pick<StockMovement, 'productId' | 'quantity' | '_deleted'>[],
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const movement of movements) {
    if (movement._deleted) {
      continue;
    }
    totals.set(movement.productId, (totals.get(movement.productId) ?? 0) + movement.quantity);
  }
  return totals;
}

/**
 * Line ids hold no ':' (lineIdSchema), so the part after the last ':' is always the line id and
 * two different sale/line pairs never share a movement id.
 */
export function saleStockMovementId(saleId: string, lineId: string): string {
  return `sale:${saleId}:${lineId}`;
}

/**
 * The ledger entries a sale or refund implies. Ids are derived from the sale and line, so the
 * till and the server write the same documents and a replayed sale never counts twice.
 */
export function saleStockMovements(sale: Sale, createdAt: string): StockMovement[] {
  const direction = sale.kind === 'sale' ? -1 : 1;

  return sale.lines.map((line) => ({
    id: saleStockMovementId(sale.id, line.lineId),
    updatedAt: createdAt,
    _deleted: false,
    productId: line.productId,
    storeId: sale.storeId,
    quantity: direction * line.quantity,
    reason: sale.kind,
    saleId: sale.id,
    createdBy: sale.cashierId,
    createdAt,
  }));
}
