import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runMigrations } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

const LOYVERSE = [
  'Handle,SKU,Name,Category,Sold by weight,Barcode,Price [Shop],In stock [Shop]',
  'eggs,10105,Eggs 🥚,Hedhikaa,N,,5.00,-1',
  'dew,10130,Mountain Dew,Cold Drinks,N,012000803703,15.00,2',
].join('\n');

function runCli(args: string[], env: Record<string, string>) {
  const result = spawnSync(TSX, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case starts tsx and PGlite in a child process: seconds each, more on a busy machine.
describe('catalog import CLI', { timeout: 60_000 }, () => {
  let dir = '';
  let pgliteDir = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-cli-'));
    pgliteDir = join(dir, 'pglite');
    await writeFile(join(dir, 'items.csv'), LOYVERSE);
    await writeFile(join(dir, 'other.csv'), 'Date,Time,Transaction,Item\n');

    const db = await openDatabase({ pgliteDir });
    await runMigrations(db);
    await db.query(`insert into tenants (id, name) values ('shop-1', 'Shop')`);
    await db.close();
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 2 with a clear message on an unknown header', () => {
    const result = runCli([join(dir, 'other.csv'), '--dry-run'], { PGLITE_DIR: pgliteDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not one of the known exports');
  });

  it('exits 2 on bad usage', () => {
    expect(runCli([join(dir, 'items.csv')], {}).code).toBe(2);
    expect(runCli([join(dir, 'items.csv'), '--dry-run', '--nope'], {}).code).toBe(2);
  });

  it('prints the report as JSON and writes nothing with --dry-run', async () => {
    const result = runCli([join(dir, 'items.csv'), '--tenant', 'shop-1', '--dry-run', '--json'], {
      PGLITE_DIR: pgliteDir,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      format: 'loyverse',
      rowsRead: 2,
      itemsImported: 2,
      suspicious: [{ line: 2, field: 'In stock [Shop]', reason: 'negative stock' }],
    });

    const db = await openDatabase({ pgliteDir });
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from documents');
    await db.close();
    expect(rows[0]?.n).toBe(0);
  });

  it('imports twice without duplicating, and refuses an unknown tenant', async () => {
    const args = [join(dir, 'items.csv'), '--tenant', 'shop-1'];
    expect(runCli(args, { PGLITE_DIR: pgliteDir }).code).toBe(0);
    const second = runCli(args, { PGLITE_DIR: pgliteDir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('imported 2 items, 2 categories, 0 tax rates');

    const unknown = runCli([join(dir, 'items.csv'), '--tenant', 'nobody'], {
      PGLITE_DIR: pgliteDir,
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('tenant "nobody" does not exist');

    const db = await openDatabase({ pgliteDir });
    const { rows } = await db.query<{ collection: string; n: number }>(
      `select collection, count(*)::int as n from documents group by collection order by 1`,
    );
    await db.close();
    expect(rows).toEqual([
      { collection: 'categories', n: 2 },
      { collection: 'products', n: 2 },
    ]);
  });
});
