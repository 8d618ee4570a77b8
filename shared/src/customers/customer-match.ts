import type { Customer } from '../documents/organisation.ts';

/** One @, something before it, and a dotted domain; deliverability is the mailer's problem. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** "ext. 12", "x12" or "#12" at the end: not part of the number a customer is matched on. */
const EXTENSION = /\s*(?:ext\.?|x|#)\s*\d+\s*$/i;

const MIN_PHONE_DIGITS = 7;

/** Trimmed and lower-cased; null when empty or not shaped like an address. */
export function normalizeEmail(email: string | null | undefined): string | null {
  const normalized = (email ?? '').trim().toLowerCase();
  return EMAIL_SHAPE.test(normalized) ? normalized : null;
}

/**
 * Digits only, keeping a leading + (or the international 00) as "+": "+1 (555) 123-4567"
 * becomes "+15551234567". Null when fewer than 7 digits are left.
 */
export function normalizePhone(phone: string | null | undefined): string | null {
  const trimmed = (phone ?? '').trim().replace(EXTENSION, '');
  const digits = trimmed.replace(/\D/g, '');
  const international = trimmed.startsWith('+') || /^00[1-9]/.test(digits);
  const national = !trimmed.startsWith('+') && international ? digits.slice(2) : digits;

  if (national.length < MIN_PHONE_DIGITS) return null;
  return international ? `+${national}` : national;
}

export type CustomerContact = Pick<Customer, 'email' | 'phone'>;

/**
 * Keys two records of one person share, e.g. `email:a@b.co` and `phone:15551234567`. The
 * phone key drops the "+" so "+1 555…" and "1-555…" match; a number typed without its
 * country code only matches others typed the same way.
 */
export function customerMatchKeys(customer: CustomerContact): string[] {
  const keys: string[] = [];

  const email = normalizeEmail(customer.email);
  if (email !== null) keys.push(`email:${email}`);

  const phone = normalizePhone(customer.phone);
  if (phone !== null) keys.push(`phone:${phone.replace('+', '')}`);

  return keys;
}

function byCreation(a: Customer, b: Customer): number {
  // NaN (an unparseable instant) is falsy, so the id still decides.
  const diff = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (diff) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The record `candidate` duplicates: the earliest-created (then lowest id) live customer,
 * other than the candidate itself, sharing an email or phone key. Deleted and already merged
 * records are skipped so merges always point at a surviving record.
 */
export function findDuplicateCustomer(
  candidate: CustomerContact & Pick<Customer, 'id'>,
  existing: readonly Customer[],
): Customer | undefined {
  const keys = new Set(customerMatchKeys(candidate));
  if (keys.size === 0) return undefined;

  return existing
    .filter((c) => c.id !== candidate.id && !c._deleted && c.mergedInto === null)
    .sort(byCreation)
    .find((c) => customerMatchKeys(c).some((key) => keys.has(key)));
}
