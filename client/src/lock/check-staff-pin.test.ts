import { hashPin, type Staff } from '@pos/shared';
import { beforeAll, describe, expect, it } from 'vitest';

import { checkStaffPin } from './check-staff-pin.ts';
import { MAX_ATTEMPTS, PinAttempts, WAIT_MS } from './pin-attempts.ts';

const scope = { tenantId: 'demo', storeId: 'store-main' };

function member(id: string, pinHash: string | null, patch: Partial<Staff> = {}): Staff {
  return {
    id,
    updatedAt: '2025-03-01T09:00:00.000Z',
    _deleted: false,
    displayName: id,
    email: `${id}@demo.test`,
    roles: ['manager'],
    storeIds: ['store-main'],
    pinHash,
    ...patch,
  };
}

let manager: Staff;

beforeAll(async () => {
  manager = member('manager', await hashPin('9999', 1000));
});

describe('checkStaffPin', () => {
  it('unlocks with the right PIN only', async () => {
    expect(await checkStaffPin('9999', manager, scope)).toEqual({ ok: true });
    expect(await checkStaffPin('1234', manager, scope)).toEqual({
      ok: false,
      message: 'That PIN is not right',
    });
  });

  it('refuses without checking a hash when the PIN or the person cannot unlock', async () => {
    const never = () => Promise.reject(new Error('no hash may be checked'));

    expect(await checkStaffPin('12', manager, scope, never)).toMatchObject({ ok: false });
    expect(await checkStaffPin('9999', undefined, scope, never)).toMatchObject({ ok: false });
    expect(await checkStaffPin('9999', { ...manager, _deleted: true }, scope, never)).toMatchObject(
      { ok: false },
    );
    expect(await checkStaffPin('9999', member('new', null), scope, never)).toMatchObject({
      ok: false,
      message: 'new has no PIN yet: sign in with the account',
    });
    expect(
      await checkStaffPin('9999', { ...manager, storeIds: ['store-other'] }, scope, never),
    ).toMatchObject({ ok: false, message: expect.stringContaining('manager:') });
  });
});

describe('PinAttempts', () => {
  it('makes a person wait after too many wrong PINs in a row, and forgets on success', () => {
    let now = 0;
    const attempts = new PinAttempts(() => now);

    for (let i = 1; i < MAX_ATTEMPTS; i++) attempts.failed('a');
    expect(attempts.waitFor('a')).toBe(0);
    attempts.failed('a');
    expect(attempts.waitFor('a')).toBe(WAIT_MS);
    expect(attempts.waitFor('b')).toBe(0);

    now += WAIT_MS;
    expect(attempts.waitFor('a')).toBe(0);
    attempts.failed('a');
    attempts.succeeded('a');
    for (let i = 1; i < MAX_ATTEMPTS; i++) attempts.failed('a');
    expect(attempts.waitFor('a')).toBe(0);
  });
});
