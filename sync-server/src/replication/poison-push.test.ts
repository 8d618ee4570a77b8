import type { PullResponse, Sale } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { useDemoApp } from '../testing/demo-app.ts';
import { buildSale, demoProducts } from '../testing/test-app.ts';

/**
 * Guards against poison documents blocking a till's queue: whatever a document contains, the
 * push answers 200, the bad row alone is quarantined and the rest of the batch applies.
 */
describe('pushes with documents the database cannot take as they are', () => {
  let nextSeq = 1;
  const product = demoProducts()[1];
  if (product === undefined) throw new Error('no demo product');

  const demo = useDemoApp();

  const newSale = () => buildSale(nextSeq++, [{ product, quantity: 1000 }]);
  const named = (sale: Sale, name: string): Sale => ({
    ...sale,
    lines: sale.lines.map((line) => ({ ...line, name })),
  });
  const quarantined = async (id: string) => {
    const { rows } = await demo.t.db.query<{ code: string; body: { newDocumentState: Sale } }>(
      'select code, body from quarantine where document_id = $1',
      [id],
    );
    return rows;
  };
  const storedIds = async (ids: string[]) => {
    const { rows } = await demo.t.db.query<{ id: string }>(
      `select id from documents where collection = 'sales' and id = any($1::text[])`,
      [ids],
    );
    return rows.map((row) => row.id).sort();
  };

  it('quarantines a sanitised copy of text with U+0000 or a lone surrogate, applying the rest', async () => {
    const good = newSale();
    const nul = named(newSale(), 'Milk\u0000');
    const surrogate = { ...newSale(), cashierName: 'Case\uD800y' };
    const nulKey = { ...newSale(), ['extra\u0000']: 1 };

    const pushed = await demo.cashier.push('sales', [good, nul, surrogate, nulKey]);

    expect(pushed.status).toBe(200);
    expect(pushed.body.rejected.map((r) => [r.id, r.code])).toEqual([
      [nul.id, 'unstorable_text'],
      [surrogate.id, 'unstorable_text'],
      [nulKey.id, 'unstorable_text'],
    ]);
    expect(await storedIds([good.id, nul.id, surrogate.id, nulKey.id])).toEqual([good.id]);
    const [entry] = await quarantined(nul.id);
    expect(entry?.code).toBe('unstorable_text');
    expect(entry?.body.newDocumentState.lines[0]?.name).toBe('Milk\uFFFD');
  });

  it('quarantines an invalid document whose text the database cannot store', async () => {
    const pushed = await demo.cashier.push('sales', [{ id: 'qa-invalid-nul', junk: 'a\u0000' }]);

    expect(pushed.status).toBe(200);
    expect(pushed.body.rejected.map((r) => r.code)).toEqual(['unstorable_text']);
    expect((await quarantined('qa-invalid-nul')).map((row) => row.code)).toEqual([
      'unstorable_text',
    ]);
  });

  // Guards against an integer overflow of the sale_receipts.device_seq column.
  it('rejects a deviceSeq beyond a 32-bit integer as invalid, applying the rest', async () => {
    const good = newSale();
    const huge = { ...newSale(), deviceSeq: 2 ** 31 };

    const pushed = await demo.cashier.push('sales', [huge, good]);

    expect(pushed.status).toBe(200);
    expect(pushed.body.rejected.map((r) => [r.id, r.code])).toEqual([
      [huge.id, 'invalid_document'],
    ]);
    expect(await storedIds([good.id, huge.id])).toEqual([good.id]);
  });

  // Guards against quarantine overwrites: documents without a usable id once shared one key.
  it('keeps every invalid document without a usable id, each under its own key', async () => {
    const first = { junk: 'first' };
    const second = { id: 42, junk: 'second' };

    await demo.cashier.push('sales', [first, second]);
    await demo.cashier.push('sales', [first]);

    const { rows } = await demo.t.db.query<{ document_id: string; junk: string }>(
      `select document_id, body -> 'newDocumentState' ->> 'junk' as junk from quarantine
       where document_id like 'noid-%' order by junk`,
      [],
    );
    expect(rows.map((row) => row.junk)).toEqual(['first', 'second']);
    expect(rows.every((row) => /^noid-[0-9a-f]{32}$/.test(row.document_id))).toBe(true);
  });

  // Guards against a bigint overflow of a pull checkpoint: it restarts instead of failing.
  it('reads a pull checkpoint beyond a safe integer as the beginning', async () => {
    const huge = await demo.cashier.get<PullResponse>(
      '/api/sync/tax_rates/pull?seq=99999999999999999999999',
    );

    expect(huge.status).toBe(200);
    expect(huge.body.documents.map((d) => d['id']).sort()).toEqual(['tax-gst', 'tax-pst']);
  });
});
