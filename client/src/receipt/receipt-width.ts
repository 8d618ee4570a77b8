import { useSyncExternalStore } from 'react';

export type ReceiptWidth = 58 | 80;

const KEY = 'pos.receiptWidth';
const listeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Blocked storage: the till still prints, at the default width.
    return undefined;
  }
}

/** The paper roll on this device's printer: remembered per device, 80 mm unless set. */
export function receiptWidth(): ReceiptWidth {
  return storage()?.getItem(KEY) === '58' ? 58 : 80;
}

export function setReceiptWidth(width: ReceiptWidth): void {
  storage()?.setItem(KEY, String(width));
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReceiptWidth(): ReceiptWidth {
  return useSyncExternalStore(subscribe, receiptWidth);
}
