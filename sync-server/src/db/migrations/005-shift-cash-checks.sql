-- The server's own expected cash of each closed shift next to the till's figure, recomputed
-- from the shift's sales, refunds and cash movements stored when the closing arrived. Late
-- documents of the shift change the report, which is recomputed on demand; this row keeps
-- what was known at closing.
create table shift_cash_checks (
  tenant_id text not null references tenants (id),
  shift_id text not null,
  till_expected_cash bigint,
  server_expected_cash bigint not null,
  counted_cash bigint,
  checked_at timestamptz not null default now(),
  primary key (tenant_id, shift_id)
);
