-- Receipts a customer asked to get by email, one per sale, queued when the sale is stored.
-- Nothing sends them yet (TODO(#3): no mail transport is configured); this table is the queue
-- a sender will work through, marking rows sent or failed.
create table receipt_outbox (
  tenant_id text not null references tenants (id),
  sale_id text not null,
  email text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, sale_id)
);
create index receipt_outbox_status_idx on receipt_outbox (tenant_id, status, created_at);
