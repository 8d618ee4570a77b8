import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { waitFor } from '../testing/wait-for.ts';
import { embeddedCashierTill } from './cashier-till.ts';
import { EMBEDDED_SERVER_ENV, faultScratch, SEED_ARGS } from './fault-scratch.ts';
import { postgresLib, restartPostgres, type ThrowawayPostgres } from './stack-services.ts';
import { expectEverySaleStoredOnce, expectTillViewTrue, storedIds } from './stored-sales.ts';
import type { SimulatedTill } from './simulated-till.ts';
import { startSyncServer, type SyncServerProcess } from './sync-server-process.ts';

const BATCH = 10;

/**
 * Guards a push whose transaction is cut by a Postgres restart halfway through its rows: none
 * of the batch may stay (its receipt reservations roll back with it), the server must answer
 * the till an error rather than die or hang, and find its database again by itself.
 */
describe('Postgres restarted in the middle of a batch', () => {
  const scratch = faultScratch('postgres');
  let postgres: ThrowawayPostgres | undefined;
  let databaseUrl = '';
  let server: SyncServerProcess | undefined;
  let till: SimulatedTill | undefined;

  beforeAll(async () => {
    postgres = await (await postgresLib()).startThrowawayPostgres();
    databaseUrl = await (await postgresLib()).ensureDatabase(postgres.url, 'pos');
    server = await startSyncServer({
      env: { ...EMBEDDED_SERVER_ENV, DATABASE_URL: databaseUrl },
      args: SEED_ARGS,
      logFile: scratch.file('sync-server.log'),
    });
  });

  afterAll(async () => {
    await till?.stop();
    await server?.stop();
    await postgres?.stop();
    scratch.remove();
  });

  it('keeps none of the cut batch, then stores every sale once', async () => {
    const url = server?.url ?? '';
    const running = embeddedCashierTill(url, {
      batchSize: BATCH,
      // Room to look at the database between the failed push and the till's retry.
      firstBackoffMs: 3_000,
      maxBackoffMs: 3_000,
    });
    till = running;
    const batch = running.sell(BATCH);

    // Holding the sixth sale's receipt number in an open transaction stops the push right
    // there: five receipts reserved, the tenant's write lock held, nothing committed.
    const blocker = new pg.Client({ connectionString: databaseUrl });
    blocker.on('error', () => undefined);
    await blocker.connect();
    const sixth = batch[5];
    if (sixth === undefined) throw new Error('no sixth sale');
    await blocker.query('begin');
    await blocker.query(
      `insert into sale_receipts (tenant_id, device_id, device_seq, sale_id)
       values ($1, $2, $3, 'blocker')`,
      [running.tenantId, sixth.deviceId, sixth.deviceSeq],
    );

    running.start();
    running.sellEvery(50, 60);
    await waitFor('the push to wait on the sixth receipt', () => pushWaitsOnLock(databaseUrl));
    const reserved = await countReserved(databaseUrl, running);
    expect(reserved).toBe(0);

    await restartPostgres(postgres as ThrowawayPostgres);
    await blocker.end().catch(() => undefined);

    // Nothing of the cut batch survived, and the till still holds all of it.
    expect(await storedIds(databaseUrl, running.tenantId, running.sold)).toEqual(new Set());
    expect(await countReserved(databaseUrl, running)).toBe(0);
    expect(running.waiting.slice(0, BATCH)).toEqual(batch);
    await expectTillViewTrue(databaseUrl, running);

    await running.drain(30_000);
    await expectEverySaleStoredOnce(databaseUrl, running);
    expect(running.sold.length).toBeGreaterThan(BATCH);
    // The cut push was answered with an error by a server that lived on.
    expect(running.failures().get('500')).toBeGreaterThanOrEqual(1);
    expect(server?.isAlive()).toBe(true);
  });
});

/** A backend of the sync server waits on a row lock: the push is stopped inside its batch. */
async function pushWaitsOnLock(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select 1 from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock'
         and query like 'insert into sale_receipts%'`,
    );
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

/** Receipt reservations visible outside the push's transaction. */
async function countReserved(databaseUrl: string, till: SimulatedTill): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from sale_receipts where sale_id = any($1)`,
      [till.sold.map((sale) => sale.id)],
    );
    return Number(rows[0]?.n);
  } finally {
    await client.end();
  }
}
