import type { Customer } from '@pos/shared';
import { useEffect, useState } from 'react';

import type { TillApi } from '../data/till-api.ts';
import { CustomerDialog } from './customer-dialog.tsx';

import '../sell/till-controls.css';

interface CartCustomerProps {
  api: TillApi;
  customerId: string | null;
  onAttach: (customerId: string | null) => void;
}

/** The customer the sale is for, shown as the record they live on after any merge. */
export function CartCustomer({ api, customerId, onAttach }: CartCustomerProps) {
  const [resolved, setResolved] = useState<{ forId: string; customer: Customer | undefined }>();
  const customer = resolved?.forId === customerId ? resolved.customer : undefined;
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    if (customerId === null) return;
    void api.customers.resolve(customerId).then((found) => {
      if (live) setResolved({ forId: customerId, customer: found });
    });
    return () => {
      live = false;
    };
  }, [api, customerId]);

  return (
    <div className="till-row">
      {customerId !== null && (
        <span data-testid="cart-customer" data-customer-id={customer?.id ?? customerId}>
          Customer: <strong>{customer?.name ?? 'unknown customer'}</strong>
          {customer !== undefined && customer.id !== customerId ? ' (merged record)' : ''}
        </span>
      )}
      <button
        type="button"
        className="till-btn till-btn--small"
        data-testid="customer-attach"
        onClick={() => setOpen(true)}
      >
        {customerId === null ? 'Add customer' : 'Change'}
      </button>
      {customerId !== null && (
        <button
          type="button"
          className="till-btn till-btn--small"
          data-testid="customer-detach"
          onClick={() => onAttach(null)}
        >
          ✕
        </button>
      )}
      {open && (
        <CustomerDialog
          api={api}
          onChoose={(chosen) => {
            onAttach(chosen.id);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
