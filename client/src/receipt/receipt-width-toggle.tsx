import { setReceiptWidth, useReceiptWidth, type ReceiptWidth } from './receipt-width.ts';

import '../sell/till-controls.css';

export function ReceiptWidthToggle() {
  const width = useReceiptWidth();

  const option = (value: ReceiptWidth) => (
    <button
      type="button"
      className={`till-btn till-btn--small ${width === value ? 'till-btn--selected' : ''}`}
      aria-pressed={width === value}
      data-testid={`receipt-width-${value}`}
      onClick={() => setReceiptWidth(value)}
    >
      {value} mm
    </button>
  );

  return (
    <div className="till-row" role="radiogroup" aria-label="Receipt paper width">
      {option(58)}
      {option(80)}
    </div>
  );
}
