-- Row-level security keyed on the tenant of the transaction. Request paths acting for one
-- tenant switch to pos_tenant and name the tenant in `pos.tenant_id` (db/tenant-scope.ts); the
-- policies then show and accept that tenant's rows only, and none at all when no tenant is
-- named. Roles belong to the whole cluster, so several databases of one cluster share it.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'pos_tenant') then
    create role pos_tenant nologin nosuperuser nobypassrls noinherit;
  end if;
exception
  -- Another database of the cluster migrating at the same moment made it first.
  when duplicate_object or unique_violation then null;
end
$$;

do $$
begin
  -- Fail closed: a pos_tenant that someone gave the power to skip the policies is refused.
  if exists (select 1 from pg_roles where rolname = 'pos_tenant' and (rolsuper or rolbypassrls))
  then
    raise exception 'role pos_tenant must not be superuser or bypass row-level security';
  end if;
  -- The server's own role switches into pos_tenant, so it must be a member.
  if not pg_has_role(current_user, 'pos_tenant', 'member') then
    execute format('grant pos_tenant to %I', current_user);
  end if;
end
$$;

-- What the request paths do and no more: no dev_credentials (sign-in is system work), no
-- signing keys, no migrations table, and tenants only to read the caller's own row.
grant select on tenants to pos_tenant;
grant select, insert, update, delete on
  tenant_change_seq, documents, sale_receipts, quarantine, device_installations,
  receipt_outbox, shift_cash_checks
  to pos_tenant;

do $$
declare
  tenant_table text;
  privileged_bypasses boolean;
begin
  select rolsuper or rolbypassrls into privileged_bypasses
  from pg_roles where rolname = current_user;

  foreach tenant_table in array array[
    'tenant_change_seq', 'documents', 'sale_receipts', 'quarantine', 'dev_credentials',
    'device_installations', 'receipt_outbox', 'shift_cash_checks'
  ] loop
    execute format('alter table %I enable row level security', tenant_table);
    -- Forced, so the owner is held to the policies too unless it bypasses them outright.
    execute format('alter table %I force row level security', tenant_table);
    execute format(
      'create policy tenant_isolation on %I to pos_tenant
         using (tenant_id = current_setting(''pos.tenant_id'', true))
         with check (tenant_id = current_setting(''pos.tenant_id'', true))',
      tenant_table);
    -- A server role that is neither superuser nor BYPASSRLS (a managed database) keeps its
    -- privileged handle for system work through this policy of its own.
    if not privileged_bypasses then
      execute format(
        'create policy system_access on %I to %I using (true) with check (true)',
        tenant_table, current_user);
    end if;
  end loop;

  alter table tenants enable row level security;
  alter table tenants force row level security;
  create policy tenant_isolation on tenants to pos_tenant
    using (id = current_setting('pos.tenant_id', true));
  if not privileged_bypasses then
    execute format(
      'create policy system_access on tenants to %I using (true) with check (true)',
      current_user);
  end if;
end
$$;
