import { describe, expect, it } from 'vitest';

import { cash, line, pricing, sale } from '../pricing/sale-fixtures.ts';
import { saleSchema } from './sale.ts';

describe('saleSchema', () => {
  const valid = sale('s1', [line('a', 100, 2000), line('b', 50, 1500)], pricing(), [cash(175)]);
  const issuesOf = (value: unknown) =>
    saleSchema.safeParse(value).error?.issues.map((issue) => issue.path.join('.')) ?? [];

  it('accepts a valid sale', () => {
    expect(issuesOf(valid)).toEqual([]);
  });

  // Guards against an integer overflow: the server keeps deviceSeq in an int column, and a
  // value beyond it failed the whole push instead of this one document.
  it('caps deviceSeq at the largest 32-bit integer', () => {
    expect(issuesOf({ ...valid, deviceSeq: 2_147_483_647 })).toEqual([]);
    expect(issuesOf({ ...valid, deviceSeq: 2_147_483_648 })).toEqual(['deviceSeq']);
  });

  // Guards against stock movement id collisions: each line's movement is keyed by its line id.
  it('refuses two lines with the same line id', () => {
    const twice = { ...valid, lines: [line('a', 100, 2000), line('a', 50, 1500)] };
    expect(issuesOf(twice)).toEqual(['lines']);
  });

  it.each(['b.c', 'b:c', ''])('refuses the line id %j', (lineId) => {
    const lines = [{ ...line('a', 100, 2000), lineId }];
    expect(new Set(issuesOf({ ...valid, lines }))).toEqual(new Set(['lines.0.lineId']));
  });

  it('accepts the UUIDs the till makes as line ids', () => {
    const lines = [{ ...line('a', 100, 2000), lineId: '0b6f6c8e-8a43-4c1e-9d0c-2f1f6a7e9b11' }];
    expect(issuesOf({ ...valid, lines })).toEqual([]);
  });
});
