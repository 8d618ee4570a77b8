import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SETUP_TIMEOUT_MS } from '../testing/setup-timeout.ts';
import type { Database, Queryable } from './database.ts';
import { runMigrations } from './migrate.ts';
import { TENANT_ROLE, TenantScopeError } from './tenant-scope.ts';

/** Every table holding tenant rows, with the column naming the tenant. */
const TENANT_TABLES = [
  ['tenants', 'id'],
  ['tenant_change_seq', 'tenant_id'],
  ['documents', 'tenant_id'],
  ['sale_receipts', 'tenant_id'],
  ['quarantine', 'tenant_id'],
  ['device_installations', 'tenant_id'],
  ['receipt_outbox', 'tenant_id'],
  ['shift_cash_checks', 'tenant_id'],
] as const;

async function seedTwoTenants(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const tenant of ['alpha', 'beta']) {
      await tx.query(`insert into tenants (id, name) values ($1, $1)`, [tenant]);
      await tx.query(`insert into tenant_change_seq (tenant_id, last_seq) values ($1, 2)`, [
        tenant,
      ]);
      for (const [seq, id] of [
        [1, 'c1'],
        [2, 'c2'],
      ] as const) {
        await tx.query(
          `insert into documents (tenant_id, collection, id, seq, data)
           values ($1, 'customers', $2, $3, $4::jsonb)`,
          [tenant, id, seq, JSON.stringify({ id, owner: tenant })],
        );
      }
      await tx.query(
        `insert into sale_receipts (tenant_id, device_id, device_seq, sale_id)
         values ($1, 'd1', 1, 's1')`,
        [tenant],
      );
      await tx.query(
        `insert into quarantine (tenant_id, collection, document_id, user_id, code, message, body)
         values ($1, 'sales', 's9', 'u1', 'invalid_document', 'bad', '{}'::jsonb)`,
        [tenant],
      );
      await tx.query(
        `insert into device_installations
           (tenant_id, installation_id, store_id, device_id, claimed_by)
         values ($1, 'i1', 'store', 'd1', 'u1')`,
        [tenant],
      );
      await tx.query(
        `insert into receipt_outbox (tenant_id, sale_id, email) values ($1, 's1', 'a@b.test')`,
        [tenant],
      );
      await tx.query(
        `insert into shift_cash_checks (tenant_id, shift_id, server_expected_cash)
         values ($1, 'sh1', 100)`,
        [tenant],
      );
      await tx.query(
        `insert into dev_credentials (user_id, tenant_id, email, password_hash)
         values ($1, $2, $3, 'x')`,
        [`u-${tenant}`, tenant, `${tenant}@example.test`],
      );
    }
  });
}

const countRows = async (db: Queryable, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) as counted`, params))
    .rows[0]?.n;

/**
 * Guards tenant isolation at the database: a tenant-scoped handle sees and changes its tenant's
 * rows only, even through statements without any tenant filter, and cannot talk itself out of
 * its scope through the handle.
 */
export function rowLevelSecuritySuite(label: string, open: () => Promise<Database>): void {
  describe(`row-level security on ${label}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await open();
      await runMigrations(db);
      await seedTwoTenants(db);
    }, SETUP_TIMEOUT_MS);
    afterAll(async () => {
      await db.close();
    });

    it('shows a raw select without a tenant filter only the tenant’s own rows', async () => {
      const alpha = db.forTenant('alpha');

      const { rows } = await alpha.query<{ tenant_id: string; id: string }>(
        'select * from documents order by id',
      );

      expect(rows.map((row) => [row.tenant_id, row.id])).toEqual([
        ['alpha', 'c1'],
        ['alpha', 'c2'],
      ]);
      for (const [table, column] of TENANT_TABLES) {
        const { rows: owners } = await alpha.query<{ owner: string }>(
          `select distinct ${column} as owner from ${table}`,
        );
        expect({ table, owners: owners.map((row) => row.owner) }).toEqual({
          table,
          owners: ['alpha'],
        });
      }
      expect(await countRows(db, 'select * from documents')).toBe(4);
    });

    it('refuses inserts naming another tenant and lets updates and deletes touch none', async () => {
      const alpha = db.forTenant('alpha');

      await expect(
        alpha.query(
          `insert into documents (tenant_id, collection, id, seq, data)
           values ('beta', 'customers', 'planted', 3, '{}'::jsonb)`,
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(
        alpha.query(`update documents set tenant_id = 'beta' where id = 'c1'`),
      ).rejects.toThrow(/row-level security/);
      await alpha.query(`update documents set data = '{"owner":"alpha"}'::jsonb
                         where tenant_id = 'beta'`);
      await alpha.query(`delete from documents where tenant_id = 'beta'`);
      await alpha.query(`delete from quarantine where tenant_id <> 'alpha'`);
      await alpha.query(`update tenant_change_seq set last_seq = 999`);

      const beta = await db.query<{ id: string; owner: string }>(
        `select id, data ->> 'owner' as owner from documents where tenant_id = 'beta' order by id`,
      );
      expect(beta.rows).toEqual([
        { id: 'c1', owner: 'beta' },
        { id: 'c2', owner: 'beta' },
      ]);
      expect(await countRows(db, `select * from quarantine where tenant_id = 'beta'`)).toBe(1);
      expect(await countRows(db, `select * from tenant_change_seq where last_seq = 999`)).toBe(1);
      expect(await countRows(db, `select * from documents where id = 'planted'`)).toBe(0);
    });

    it('gives the tenant role no access to sign-in credentials at all', async () => {
      await expect(db.forTenant('alpha').query('select * from dev_credentials')).rejects.toThrow(
        /permission denied/,
      );
    });

    it('refuses statements that would change the scope from inside it', async () => {
      const attempts = [
        'reset role',
        'set role postgres',
        'set local role none',
        'set session authorization postgres',
        `set pos.tenant_id = 'beta'`,
        `select set_config('pos.tenant_id', 'beta', true)`,
        `select set_config('role', 'postgres', true)`,
        'commit',
        'select 1; commit; select * from documents',
        'reset all',
        'discard all',
      ];

      for (const sql of attempts) {
        await expect(db.forTenant('alpha').query(sql), sql).rejects.toThrow(TenantScopeError);
        await expect(
          db.forTenant('alpha').transaction(async (tx) => {
            await tx.query(sql);
            return tx.query('select * from documents');
          }),
          sql,
        ).rejects.toThrow(TenantScopeError);
      }
    });

    it('sees nothing in the tenant role when no tenant is named', async () => {
      const seen = await db.transaction(async (tx) => {
        await tx.query(`select set_config('role', $1, true)`, [TENANT_ROLE]);
        return countRows(tx, 'select * from documents');
      });

      expect(seen).toBe(0);
    });

    it('leaves nothing of the scope behind on the connection', async () => {
      await db.forTenant('alpha').query('select 1');

      const { rows } = await db.query<{ who: string; tenant: string | null }>(
        `select current_user as who, current_setting('pos.tenant_id', true) as tenant`,
      );
      expect(rows[0]?.who).not.toBe(TENANT_ROLE);
      expect(rows[0]?.tenant ?? '').toBe('');
      expect(await countRows(db, 'select * from documents')).toBe(4);
    });

    it('cannot be opened without a tenant id', () => {
      expect(() => db.forTenant('')).toThrow(TenantScopeError);
      expect(() => db.forTenant('  ')).toThrow(TenantScopeError);
      expect(() => db.forTenant(undefined as unknown as string)).toThrow(TenantScopeError);
    });

    // What is not defended, written down as a test so nobody believes otherwise: SQL that
    // reaches the database unchecked can leave the role, because the login role may. The app
    // never builds SQL from input, and the scoped handle refuses such statements in its own SQL.
    it('is escaped by SQL that bypasses the handle, which is why no SQL is built from input', async () => {
      const escaped = await db.transaction(async (tx) => {
        await tx.query(
          `select set_config('role', $1, true), set_config('pos.tenant_id', 'alpha', true)`,
          [TENANT_ROLE],
        );
        await tx.query('reset role');
        return countRows(tx, 'select * from documents');
      });

      expect(escaped).toBe(4);
    });
  });
}
