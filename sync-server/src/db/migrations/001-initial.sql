create table tenants (
  id text primary key,
  name text not null,
  created_at timestamptz not null default now()
);

-- One row per tenant; taking the next value locks the row until the write commits, so
-- change sequences become visible in order and a pull can never skip a late commit.
create table tenant_change_seq (
  tenant_id text primary key references tenants (id),
  last_seq bigint not null default 0
);

-- Every replicated document, whatever its collection, as the till sees it.
create table documents (
  tenant_id text not null references tenants (id),
  collection text not null,
  id text not null,
  seq bigint not null,
  data jsonb not null,
  deleted boolean not null default false,
  server_updated_at timestamptz not null default now(),
  primary key (tenant_id, collection, id)
);
create index documents_pull_idx on documents (tenant_id, collection, seq);
create index documents_product_idx on documents (tenant_id, collection, (data ->> 'productId'))
  where collection = 'stock_movements';

-- Receipt numbers are verifiable: one sale per device counter value.
create table sale_receipts (
  tenant_id text not null references tenants (id),
  device_id text not null,
  device_seq integer not null,
  sale_id text not null,
  primary key (tenant_id, device_id, device_seq)
);

-- What could not be applied is kept, never dropped, and shown to managers.
create table quarantine (
  tenant_id text not null references tenants (id),
  collection text not null,
  document_id text not null,
  user_id text not null,
  code text not null,
  message text not null,
  body jsonb not null,
  received_at timestamptz not null default now(),
  primary key (tenant_id, collection, document_id, code)
);

-- Credentials of the embedded development identity only; Keycloak keeps its own.
create table dev_credentials (
  user_id text primary key,
  tenant_id text not null references tenants (id),
  email text not null unique,
  password_hash text not null
);
