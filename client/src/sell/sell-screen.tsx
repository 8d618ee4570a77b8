import { currencyExponent, formatMoney, type Product, type Sale } from '@pos/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';

import { CartPanel } from '../cart/cart-panel.tsx';
import { cartStoreFor, useCart } from '../cart/use-cart.ts';
import { formatKilograms } from '../cart/weight.ts';
import type { Cart, TillApi, TillContext } from '../data/till-api.ts';
import { PaymentScreen } from '../payment/payment-screen.tsx';
import { ReceiptScreen } from '../receipt/receipt-screen.tsx';
import { resolveScan } from '../scanner/resolve-scan.ts';
import { useBarcodeScanner } from '../scanner/use-barcode-scanner.ts';
import { CatalogPanel } from './catalog-panel.tsx';
import { ParkDialog } from './park-dialog.tsx';
import { ParkedCartsDialog } from './parked-carts-dialog.tsx';
import { ScanNotice, type Notice } from './scan-notice.tsx';
import { useCatalog } from './use-catalog.ts';
import { useStockLevels } from './use-stock-levels.ts';
import { WeightDialog } from './weight-dialog.tsx';

import '../sell/till-controls.css';
import './sell-screen.css';

type Step = { name: 'sell' } | { name: 'pay' } | { name: 'receipt'; sale: Sale };

type Dialog = 'park' | 'parked' | null;

const NOTICE_MS = 3000;

export function SellScreen({ api, till }: { api: TillApi; till: TillContext }) {
  const store = cartStoreFor(till.device.id);
  const cart = useCart(store, (s) => s.cart);
  const catalog = useCatalog(api);
  const stock = useStockLevels(api);

  const [step, setStep] = useState<Step>({ name: 'sell' });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** A product sold by weight waiting for the cashier to key in its weight. */
  const [weighing, setWeighing] = useState<Product | null>(null);

  const products = useMemo(
    () => new Map(catalog.products.map((product) => [product.id, product])),
    [catalog],
  );

  useEffect(() => {
    if (notice?.kind !== 'ok') return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // Stable, so the memoised product grid is not redrawn on every change to the cart.
  const add = useCallback(
    (product: Product, measured: number | null = null, unitPrice: number | null = null) => {
      store.getState().add(product.id, unitPrice === null ? measured : null, unitPrice);
      const amount =
        unitPrice !== null
          ? ` at ${formatMoney(unitPrice, till.store.pricing.currency)}`
          : measured === null
            ? ''
            : ` ${formatKilograms(measured)} kg`;
      setNotice({ kind: 'ok', text: `Added ${product.name}${amount}` });
    },
    [store, till.store.pricing.currency],
  );

  // A tap (or Enter on a single search hit) adds a piece; a product sold by weight first asks
  // for its weight, and each weight then gets a line of its own.
  const tap = useCallback(
    (product: Product) => {
      if (product.soldBy === 'weight') setWeighing(product);
      else add(product);
    },
    [add],
  );

  function addByBarcode(raw: string): void {
    // Scanning on the receipt screen starts the next sale right away.
    if (step.name === 'receipt') setStep({ name: 'sell' });

    const result = resolveScan(raw, (code) => catalog.byBarcode(code), {
      scanning: till.store.scanning,
      currencyDecimals: currencyExponent(till.store.pricing.currency),
    });
    if (result.kind === 'found') {
      // A weighed product's own code carries no weight (a scale label would): ask for it.
      const needsWeight =
        result.product.soldBy === 'weight' &&
        result.quantity === null &&
        result.unitPrice === undefined;
      if (needsWeight) setWeighing(result.product);
      else add(result.product, result.quantity, result.unitPrice ?? null);
    }
    if (result.kind === 'refused') setNotice({ kind: 'error', text: result.message });
  }

  useBarcodeScanner(addByBarcode, step.name !== 'pay' && dialog === null && weighing === null);

  async function park(note: string): Promise<void> {
    await api.parkCart(cart, note);
    store.getState().reset();
    setNotice({ kind: 'ok', text: 'Sale parked' });
  }

  function resume(resumed: Cart): void {
    store.getState().load(resumed);
    setNotice({ kind: 'ok', text: 'Parked sale resumed' });
  }

  function completed(sale: Sale): void {
    store.getState().reset();
    setStep({ name: 'receipt', sale });
  }

  if (step.name === 'pay') {
    return (
      <PaymentScreen
        api={api}
        till={till}
        cart={cart}
        onBack={() => setStep({ name: 'sell' })}
        onCompleted={completed}
      />
    );
  }

  if (step.name === 'receipt') {
    return (
      <ReceiptScreen
        sale={step.sale}
        till={till}
        onNewSale={() => {
          setNotice(null);
          setStep({ name: 'sell' });
        }}
      />
    );
  }

  return (
    <div className="sell-screen" data-testid="sell-screen">
      <div className="sell-screen__catalog">
        <ScanNotice notice={notice} onDismiss={() => setNotice(null)} />
        <CatalogPanel
          catalog={catalog}
          currency={till.store.pricing.currency}
          stock={stock}
          onAdd={tap}
          onBarcode={addByBarcode}
        />
      </div>

      <div className="sell-screen__cart">
        <CartPanel
          api={api}
          till={till}
          store={store}
          products={products}
          onPay={() => setStep({ name: 'pay' })}
          onPark={() => setDialog('park')}
          onShowParked={() => setDialog('parked')}
        />
      </div>

      {weighing !== null && (
        <WeightDialog
          product={weighing}
          currency={till.store.pricing.currency}
          onApply={(quantity) => add(weighing, quantity)}
          onClose={() => setWeighing(null)}
        />
      )}
      {dialog === 'park' && <ParkDialog onPark={park} onClose={() => setDialog(null)} />}
      {dialog === 'parked' && (
        <ParkedCartsDialog
          api={api}
          timeZone={till.store.timezone}
          canResume={cart.lines.length === 0}
          onResume={resume}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
