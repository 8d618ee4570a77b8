import type { Customer } from '@pos/shared';
import { useEffect, useState, type FormEvent } from 'react';

import type { TillApi } from '../data/till-api.ts';
import { ModalSheet } from '../sell/modal-sheet.tsx';

import '../sell/till-controls.css';

interface CustomerDialogProps {
  api: TillApi;
  onChoose: (customer: Customer) => void;
  onClose: () => void;
}

/** Finds a customer on this till, or adds one; both work offline. */
export function CustomerDialog({ api, onChoose, onClose }: CustomerDialogProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Customer[]>([]);
  const [form, setForm] = useState({ name: '', email: '', phone: '' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.customers.search(query).then((found) => {
      if (live) setResults(found);
    });
    return () => {
      live = false;
    };
  }, [api, query]);

  async function create(event: FormEvent): Promise<void> {
    event.preventDefault();
    const result = await api.customers.create(form);
    if (!result.ok) return setError(result.message);
    onChoose(result.customer);
  }

  const field = (key: keyof typeof form, label: string, type: string) => (
    <label className="till-field">
      {label}
      <input
        className="till-input"
        type={type}
        autoComplete="off"
        value={form[key]}
        data-testid={`customer-create-${key}`}
        onChange={(event) => setForm((f) => ({ ...f, [key]: event.target.value }))}
      />
    </label>
  );

  return (
    <ModalSheet title="Customer" testId="customer-dialog" onClose={onClose}>
      <label className="till-field">
        Find by name, email or phone
        <input
          className="till-input"
          autoFocus
          autoComplete="off"
          value={query}
          data-testid="customer-search"
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      <ul className="till-list">
        {results.map((customer) => (
          <li key={customer.id}>
            <button
              type="button"
              className="till-btn"
              data-testid="customer-result"
              data-customer-id={customer.id}
              onClick={() => onChoose(customer)}
            >
              {customer.name}
              {customer.email !== null ? ` · ${customer.email}` : ''}
              {customer.phone !== null ? ` · ${customer.phone}` : ''}
            </button>
          </li>
        ))}
      </ul>
      {query.trim() !== '' && results.length === 0 && <p>No customer found.</p>}

      <form className="till-form" aria-label="New customer" onSubmit={(e) => void create(e)}>
        <h3>New customer</h3>
        {field('name', 'Name', 'text')}
        {field('email', 'Email', 'email')}
        {field('phone', 'Phone', 'tel')}
        {error !== null && (
          <p className="till-error" role="alert" data-testid="customer-error">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="till-btn till-btn--primary"
          data-testid="customer-create-submit"
        >
          Add and attach
        </button>
      </form>
    </ModalSheet>
  );
}
