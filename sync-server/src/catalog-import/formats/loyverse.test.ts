import { describe, expect, it } from 'vitest';

import { importCsv, reasons } from '../test-helpers.ts';

const HEADER =
  'Handle,SKU,Name,Category,Description,Sold by weight,Option 1 name,Option 1 value,Barcode,' +
  'SKU of included item,Quantity of included item,Available for sale [Shop],Price [Shop],' +
  'In stock [Shop],Price [Kiosk],"Tax - ""Service Charge"" (10%)","Tax - ""GST"" (8%)"';

describe('Loyverse items CSV', () => {
  it('reads both tax columns, weighed goods, variants and composite lines', () => {
    const { report, catalog } = importCsv([
      HEADER,
      'eggs,10105,Eggs 🥚,Hedhikaa,,N,,,,,,Y,5.00,8.000,5.00,N,Y',
      'cheese,20001,Cheese,Deli,,Y,,,,,,Y,12.50,1.250,,Y,Y',
      'tea,30001,Tea,Hot,,N,Size,S,,,,Y,10.00,,12.00,N,N',
      'tea,30002,,,,,,L,,,,Y,15.00,,,N,N',
      'combo,40001,Combo,Meals,,N,,,,30001,1,Y,20.00,,,N,N',
      'combo,,,,,,,,,10105,2,,,,,,',
    ]);

    expect(report.format).toBe('loyverse');
    expect(catalog.taxRates.map((t) => [t.name, t.rateMilliPercent])).toEqual([
      ['Service Charge', 10000],
      ['GST', 8000],
    ]);
    expect(catalog.products.map((p) => [p.id, p.name, p.soldBy, p.price])).toEqual([
      ['imp.loyverse.10105', 'Eggs 🥚', 'each', 500],
      ['imp.loyverse.20001', 'Cheese', 'weight', 1250],
      ['imp.loyverse.30001', 'Tea - S', 'each', 1000],
      ['imp.loyverse.30002', 'Tea - L', 'each', 1500],
      ['imp.loyverse.40001', 'Combo', 'each', 2000],
    ]);
    expect(catalog.products[1]?.taxRateIds).toHaveLength(2);
    expect(report.skipped).toEqual([{ line: 7, reason: 'component line of a composite item' }]);
    expect(reasons({ report, catalog })).toEqual([
      '4 Price [Kiosk]: differs from Price [Shop] "10.00", which is used',
    ]);
  });

  it('keeps a barcode with a raw GS after removing it, and 8-digit codes', () => {
    const prepared = importCsv([
      HEADER,
      'lav,10054,Lavazza,Hot,,N,,,910051714753\u001d1124112593030414,,,Y,25.00,1.000,,N,N',
      'lago,10171,Lago,Snacks,,N,,,80073857,,,Y,12.00,-3.000,,N,N',
    ]);

    expect(prepared.catalog.products.map((p) => p.barcodes)).toEqual([
      ['9100517147531124112593030414'],
      ['80073857'],
    ]);
    expect(reasons(prepared)).toEqual([
      '2 Barcode: control character 0x1d inside the barcode; removed',
      '3 In stock [Shop]: negative stock',
    ]);
  });
});
