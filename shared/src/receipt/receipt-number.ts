export interface ReceiptNumberParts {
  readonly storeCode: string;
  readonly deviceCode: string;
  readonly seq: number;
}

const CODE = /^[A-Z0-9]{1,6}$/;
const RECEIPT_NUMBER = /^([A-Z0-9]{1,6})-([A-Z0-9]{1,6})-(\d{6,16})$/;

/** MS-T1-000042: store code, device code and the device's counter, at least six digits. */
export function formatReceiptNumber(storeCode: string, deviceCode: string, seq: number): string {
  if (!CODE.test(storeCode) || !CODE.test(deviceCode)) {
    throw new RangeError(`Invalid store or device code: ${storeCode}, ${deviceCode}`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new RangeError(`A receipt sequence is a positive integer, got ${String(seq)}`);
  }

  return `${storeCode}-${deviceCode}-${String(seq).padStart(6, '0')}`;
}

/** Only canonical numbers parse, so parse and format round-trip exactly. */
export function parseReceiptNumber(text: string): ReceiptNumberParts | null {
  const match = RECEIPT_NUMBER.exec(text);
  if (!match) {
    return null;
  }

  const [, storeCode = '', deviceCode = '', digits = ''] = match;
  const seq = Number(digits);
  if (!Number.isSafeInteger(seq) || seq < 1) {
    return null;
  }

  const canonical = `${storeCode}-${deviceCode}-${String(seq).padStart(6, '0')}`;
  return canonical === text ? { storeCode, deviceCode, seq } : null;
}
