-- Which device each till installation claimed: the same installation always gets the same
-- device back, and one device never serves two installations.
create table device_installations (
  tenant_id text not null references tenants (id),
  installation_id text not null,
  store_id text not null,
  device_id text not null,
  claimed_by text not null,
  claimed_at timestamptz not null default now(),
  primary key (tenant_id, installation_id),
  unique (tenant_id, device_id)
);
