import { describe, expect, it } from 'vitest';

import type { Customer } from '../documents/organisation.ts';
import {
  customerMatchKeys,
  findDuplicateCustomer,
  normalizeEmail,
  normalizePhone,
} from './customer-match.ts';

function customer(id: string, overrides: Partial<Customer> = {}): Customer {
  return {
    id,
    updatedAt: '2024-05-01T12:00:00.000Z',
    _deleted: false,
    name: `Customer ${id}`,
    email: null,
    phone: null,
    mergedInto: null,
    createdAt: '2024-05-01T12:00:00.000Z',
    ...overrides,
  };
}

describe('normalizeEmail', () => {
  it.each([
    ['Ada@Example.COM', 'ada@example.com'],
    ['  ada@example.com \n', 'ada@example.com'],
    ['ADA.Lovelace+till@mail.example.co.uk', 'ada.lovelace+till@mail.example.co.uk'],
  ])('normalizes %j to %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    '   ',
    'ada',
    'ada@',
    '@example.com',
    'ada@example',
    'a b@c.de',
    'a@b@c.de',
    'a@b..c',
  ])('gives null for %j', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+1 (555) 123-4567', '+15551234567'],
    ['+1.555.123.4567', '+15551234567'],
    ['  +15551234567 ', '+15551234567'],
    ['1-555-123-4567', '15551234567'],
    ['(555) 123 4567', '5551234567'],
    ['555-1234', '5551234'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+44 (0)20 7946 0958', '+4402079460958'],
    ['555-123-4567 ext. 89', '5551234567'],
    ['555 123 4567 x89', '5551234567'],
  ])('normalizes %j to %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each([null, undefined, '', 'n/a', '555-123', '+1 23 45', '12-34-56'])(
    'gives null for %j',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );
});

describe('customerMatchKeys', () => {
  it('gives an email key and a phone key without the plus', () => {
    expect(customerMatchKeys({ email: ' A@B.co ', phone: '+1 (555) 123-4567' })).toEqual([
      'email:a@b.co',
      'phone:15551234567',
    ]);
  });

  it('gives no key for missing or unusable contact details', () => {
    expect(customerMatchKeys({ email: null, phone: null })).toEqual([]);
    expect(customerMatchKeys({ email: 'nope', phone: '123' })).toEqual([]);
  });

  it('matches formatting variants of one phone and case variants of one email', () => {
    const phones = ['+1 (555) 123-4567', '1-555-123-4567', '+1.555.123.4567', '15551234567'];
    const emails = ['Ada@Example.com', 'ada@example.com', ' ADA@EXAMPLE.COM'];

    expect(new Set(phones.map((phone) => customerMatchKeys({ email: null, phone })[0])).size).toBe(
      1,
    );
    expect(new Set(emails.map((email) => customerMatchKeys({ email, phone: null })[0])).size).toBe(
      1,
    );
  });
});

describe('findDuplicateCustomer', () => {
  it('finds a record created offline on another till with the same phone, formatted differently', () => {
    const other = customer('till-2:c1', { phone: '(555) 123-4567', email: 'x@y.ca' });
    const candidate = customer('till-1:c1', { phone: '555.123.4567' });

    expect(findDuplicateCustomer(candidate, [other])).toBe(other);
  });

  it('finds a record with the same email in another case', () => {
    const other = customer('c2', { email: 'Ada@Example.com' });
    const candidate = customer('c1', { email: 'ada@EXAMPLE.com', phone: '555-0000' });

    expect(findDuplicateCustomer(candidate, [other])).toBe(other);
  });

  it('picks the earliest-created match, then the lowest id, whatever the input order', () => {
    const shared = { email: 'ada@example.com' };
    const late = customer('a-late', { ...shared, createdAt: '2024-05-02T00:00:00.000Z' });
    const earlyB = customer('b', { ...shared, createdAt: '2024-05-01T08:00:00.000Z' });
    const earlyA = customer('a', { ...shared, createdAt: '2024-05-01T10:00:00.000+02:00' });
    const candidate = customer('new', shared);

    expect(findDuplicateCustomer(candidate, [late, earlyB, earlyA])).toBe(earlyA);
    expect(findDuplicateCustomer(candidate, [earlyA, late, earlyB])).toBe(earlyA);
  });

  it('skips the candidate itself, deleted records and records already merged', () => {
    const shared = { phone: '+1 555 123 4567' };
    const candidate = customer('me', shared);
    const existing = [
      customer('me', { ...shared, createdAt: '2024-01-01T00:00:00.000Z' }),
      customer('deleted', { ...shared, _deleted: true, createdAt: '2024-01-02T00:00:00.000Z' }),
      customer('merged', { ...shared, mergedInto: 'kept', createdAt: '2024-01-03T00:00:00.000Z' }),
      customer('kept', { ...shared, createdAt: '2024-01-04T00:00:00.000Z' }),
    ];

    expect(findDuplicateCustomer(candidate, existing)?.id).toBe('kept');
    expect(findDuplicateCustomer(candidate, existing.slice(0, 3))).toBeUndefined();
  });

  it('never matches on missing details or on a name alone', () => {
    const candidate = customer('c1', { name: 'Ada' });
    const existing = [customer('c2', { name: 'Ada' }), customer('c3', { name: 'Ada', email: '' })];

    expect(findDuplicateCustomer(candidate, existing)).toBeUndefined();
  });
});
