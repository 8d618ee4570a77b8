import { discountLimitFor, minorToDecimalString, type Discount } from '@pos/shared';
import { useState, type FormEvent } from 'react';

import { ApprovalDialog } from '../approval/approval-dialog.tsx';
import type { ApprovalRequest } from '../approval/approval-request.ts';
import type { ApproverMatch } from '../approval/find-approver.ts';
import { ModalSheet } from '../sell/modal-sheet.tsx';
import {
  buildDiscount,
  type DiscountApprovalNeeded,
  type DiscountContext,
} from './discount-policy.ts';
import { formatThousandths } from './thousandths.ts';

import '../sell/till-controls.css';

interface DiscountDialogProps {
  title: string;
  current: Discount | null;
  context: DiscountContext;
  onApply: (discount: Discount | null) => void;
  onClose: () => void;
  /** Checks a manager PIN for a discount over the cashier's limit, offline. */
  approve: (request: ApprovalRequest, pin: string) => Promise<ApproverMatch>;
}

function initialText(discount: Discount | null, currency: string): string {
  if (discount === null) return '';
  return discount.type === 'percent'
    ? formatThousandths(discount.value)
    : minorToDecimalString(discount.value, currency);
}

export function DiscountDialog(props: DiscountDialogProps) {
  const { title, current, context, onApply, onClose } = props;
  const [type, setType] = useState<Discount['type']>(current?.type ?? 'percent');
  const [text, setText] = useState(() => initialText(current, context.currency));
  const [reason, setReason] = useState(current?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [approval, setApproval] = useState<DiscountApprovalNeeded | null>(null);

  function submit(event: FormEvent): void {
    event.preventDefault();

    const result = buildDiscount({ type, text, reason }, context);
    if (!result.ok) {
      setError(result.message);
      if (result.approval !== undefined) setApproval(result.approval);
      return;
    }
    onApply(result.discount);
    onClose();
  }

  if (approval !== null) {
    const request = {
      action: 'apply_discount',
      discountMilliPercent: approval.discountMilliPercent,
    } as const;
    return (
      <ApprovalDialog
        title="Approve discount"
        reason={error ?? 'This discount needs a manager'}
        approve={(pin) => props.approve(request, pin)}
        onApproved={(approver) => {
          onApply({ ...approval.discount, approvedBy: approver.id });
          onClose();
        }}
        onClose={() => setApproval(null)}
      />
    );
  }

  return (
    <ModalSheet title={title} testId="discount-dialog" onClose={onClose}>
      <form className="till-form" onSubmit={submit}>
        <div className="till-row" role="radiogroup" aria-label="Discount type">
          <button
            type="button"
            className={`till-btn ${type === 'percent' ? 'till-btn--selected' : ''}`}
            aria-pressed={type === 'percent'}
            data-testid="discount-type-percent"
            onClick={() => setType('percent')}
          >
            Percent
          </button>
          <button
            type="button"
            className={`till-btn ${type === 'amount' ? 'till-btn--selected' : ''}`}
            aria-pressed={type === 'amount'}
            data-testid="discount-type-amount"
            onClick={() => setType('amount')}
          >
            Amount
          </button>
        </div>

        <label className="till-field">
          {type === 'percent' ? 'Percent off' : 'Amount off'}
          <input
            className="till-input"
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            value={text}
            data-testid="discount-value"
            onChange={(event) => setText(event.target.value)}
          />
        </label>

        <label className="till-field">
          Reason
          <input
            className="till-input"
            autoComplete="off"
            value={reason}
            data-testid="discount-reason"
            onChange={(event) => setReason(event.target.value)}
          />
        </label>

        <p className="till-hint" data-testid="discount-limit">
          Your limit in this store:{' '}
          {formatThousandths(discountLimitFor(context.roles, context.limits))} %. A manager can
          approve more with their PIN.
        </p>

        {error !== null && (
          <p className="till-error" role="alert" data-testid="discount-error">
            {error}
          </p>
        )}

        <div className="till-row">
          <button type="submit" className="till-btn till-btn--primary" data-testid="discount-apply">
            Apply
          </button>
          {current !== null && (
            <button
              type="button"
              className="till-btn till-btn--danger"
              data-testid="discount-remove"
              onClick={() => {
                onApply(null);
                onClose();
              }}
            >
              Remove discount
            </button>
          )}
        </div>
      </form>
    </ModalSheet>
  );
}
