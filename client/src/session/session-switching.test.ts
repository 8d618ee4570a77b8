import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { tillContextOf } from '../app/till-runtime.ts';
import { sampleDevice, sampleStore } from '../data/testing/sample-documents.ts';
import { sampleTillContext } from '../data/testing/sample-till-context.ts';
import { MemoryStorage } from '../testing/memory-storage.ts';
import { AuthError, type AuthProvider, type AuthTokens } from './auth-provider.ts';
import { SessionManager } from './session-manager.ts';
import { loadStaffSessions } from './staff-sessions.ts';
import { loadSession, saveSession, type StoredSession } from './stored-session.ts';

const NOW = 1_750_000_000_000;
const HOUR = 3_600_000;

/** A provider whose refresh answers per refresh token, like an issuer keeping sessions apart. */
class FakeProvider implements AuthProvider {
  tokens: AuthTokens | null = null;
  refreshed: string[] = [];
  refused = new Set<string>();
  redirects: { loginHint?: string }[] = [];
  redirectResult: AuthTokens | null = null;

  current() {
    return this.tokens;
  }
  restore(tokens: AuthTokens | null) {
    this.tokens = tokens;
  }
  signIn() {
    return Promise.reject(new Error('not used'));
  }
  refresh() {
    const refreshToken = this.tokens?.refreshToken ?? '';
    this.refreshed.push(refreshToken);
    if (this.refused.has(refreshToken)) {
      return Promise.reject(new AuthError('session_expired', 'session ended'));
    }
    this.tokens = {
      accessToken: `fresh-${refreshToken}`,
      refreshToken,
      expiresAt: NOW + HOUR,
    };
    return Promise.resolve(this.tokens);
  }
  signOut() {
    this.tokens = null;
    return Promise.resolve();
  }
  redirectToSignIn(options: { loginHint?: string }) {
    this.redirects.push(options);
    return Promise.resolve();
  }
  takeRedirectResult() {
    return Promise.resolve(this.redirectResult);
  }
}

function sessionOf(
  userId: string,
  roles: StoredSession['me']['roles'],
  expiresAt: number,
): StoredSession {
  return {
    tokens: { accessToken: `${userId}-access`, refreshToken: `${userId}-refresh`, expiresAt },
    me: {
      ...sampleTillContext.session.me,
      userId,
      displayName: userId === 'staff-manager' ? 'Morgan Manager' : 'Casey Cashier',
      roles,
    },
    device: sampleDevice,
    store: sampleStore,
    signedInAt: '2025-03-01T09:00:00.000Z',
    needsSignIn: false,
  };
}

function network(online: boolean) {
  return {
    isOnline: online,
    online() {
      return this.isOnline;
    },
    onBackOnline: () => () => undefined,
    reached: () => undefined,
    unreachable: () => undefined,
  };
}

describe('SessionManager on a shared till', () => {
  let storage: MemoryStorage;
  let provider: FakeProvider;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    storage = new MemoryStorage();
    provider = new FakeProvider();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function manager(net = network(true)) {
    return new SessionManager({
      provider,
      network: net,
      installationId: () => 'installation-1',
      storage,
      window: null,
      now: () => Date.now(),
    });
  }

  /** The manager signed in here earlier; the cashier is at the till now. */
  function twoSignedIn(cashierExpiry = NOW + HOUR, managerExpiry = NOW + HOUR) {
    saveSession(sessionOf('staff-manager', ['manager'], managerExpiry), storage);
    const first = manager(network(false));
    first.boot();
    first.dispose();
    saveSession(sessionOf('staff-cashier', ['cashier'], cashierExpiry), storage);
  }

  it('hands the till to a known staff member: their tokens, their name on sales, their rights', () => {
    twoSignedIn();
    const sessions = manager(network(false));
    sessions.boot();

    sessions.lock();
    expect(sessions.state()).toMatchObject({ status: 'active', locked: true });
    expect(sessions.knownStaff().map((s) => s.userId)).toEqual(['staff-cashier', 'staff-manager']);

    sessions.switchTo('staff-manager');
    const state = sessions.state();
    if (state.status !== 'active') throw new Error('signed out');
    expect(state.locked).toBe(false);
    expect(sessions.tokens.accessToken()).toBe('staff-manager-access');
    expect(provider.current()?.accessToken).toBe('staff-manager-access');

    const till = tillContextOf(state.session);
    expect(till.cashier.id).toBe('staff-manager');
    expect(till.permissions.decisions.refund).toEqual({ allowed: true });
    expect(loadSession(storage)?.me.userId).toBe('staff-manager');
  });

  it('keeps a cashier from being refunded rights, and unknown staff out', () => {
    twoSignedIn();
    const sessions = manager(network(false));
    sessions.boot();

    const state = sessions.state();
    if (state.status !== 'active') throw new Error('signed out');
    expect(tillContextOf(state.session).permissions.decisions.refund).toEqual({
      allowed: false,
      reason: 'Refunds need a manager',
    });
    expect(() => sessions.switchTo('staff-stranger')).toThrow(/signed in on this till/);
  });

  it('stays locked across a reload', () => {
    twoSignedIn();
    const before = manager(network(false));
    before.boot();
    before.lock();
    before.dispose();

    const after = manager(network(false));
    after.boot();
    expect(after.state()).toMatchObject({ status: 'active', locked: true });
  });

  it('syncs with another staff member’s session when the one at the till was refused', async () => {
    twoSignedIn(NOW - 1000, NOW + HOUR);
    provider.refused.add('staff-cashier-refresh');
    const sessions = manager(network(true));
    sessions.boot();

    expect(await sessions.refresh()).toBe(true);
    const state = sessions.state();
    expect(state).toMatchObject({ status: 'active', syncBlocked: false });
    expect(state.status === 'active' && state.session.needsSignIn).toBe(true);
    expect(sessions.tokens.accessToken()).toBe('staff-manager-access');
    // The person at the till is still the cashier: sales keep their name.
    expect(state.status === 'active' && state.session.me.userId).toBe('staff-cashier');
  });

  it('blocks syncing only when no session of the till is accepted any more', async () => {
    twoSignedIn(NOW - 1000, NOW - 1000);
    provider.refused.add('staff-cashier-refresh');
    provider.refused.add('staff-manager-refresh');
    const sessions = manager(network(true));
    sessions.boot();

    await vi.advanceTimersByTimeAsync(0);
    await sessions.refresh();
    expect(sessions.state()).toMatchObject({ status: 'active', syncBlocked: true });
    expect(provider.refreshed).toEqual(['staff-cashier-refresh', 'staff-manager-refresh']);
  });

  it('refreshes a token about to run out before a request, and not otherwise', async () => {
    saveSession(sessionOf('staff-cashier', ['cashier'], NOW + 30_000), storage);
    const sessions = manager(network(true));
    sessions.boot();
    await vi.advanceTimersByTimeAsync(0);
    provider.refreshed = [];

    await sessions.tokens.beforeRequest?.();
    expect(provider.refreshed).toEqual([]);

    vi.setSystemTime(NOW + HOUR - 30_000);
    await sessions.tokens.beforeRequest?.();
    expect(provider.refreshed).toEqual(['staff-cashier-refresh']);
  });

  it('refuses to sign out while sales wait, saying to go online when offline', async () => {
    twoSignedIn();
    const sessions = manager(network(false));
    sessions.boot();

    expect(await sessions.signOut(1)).toEqual({
      ok: false,
      reason:
        '1 sale is still waiting to sync. Go online first so they can be sent, then sign out.',
    });
    expect(sessions.state().status).toBe('active');
  });

  it('signing one person out leaves the till locked for the others', async () => {
    twoSignedIn();
    const sessions = manager(network(true));
    sessions.boot();

    expect(await sessions.signOut(0)).toEqual({ ok: true });
    expect(sessions.state()).toMatchObject({
      status: 'active',
      locked: true,
      session: { me: { userId: 'staff-manager' } },
    });
    expect(Object.keys(loadStaffSessions(storage))).toEqual(['staff-manager']);

    expect(await sessions.signOut(0)).toEqual({ ok: true });
    expect(sessions.state().status).toBe('signed-out');
  });

  it('refuses a redirect sign-in offline and remembers the waiting sales across it', async () => {
    twoSignedIn();
    const net = network(false);
    const sessions = manager(net);
    sessions.boot();

    await expect(sessions.startRedirectSignIn(2)).rejects.toMatchObject({
      failure: 'unreachable',
    });
    expect(provider.redirects).toEqual([]);

    net.isOnline = true;
    await sessions.startRedirectSignIn(2, 'cashier@demo.test');
    expect(provider.redirects).toEqual([{ loginHint: 'cashier@demo.test' }]);
    expect(JSON.parse(storage.getItem('pos.signInIntent.v1') ?? '{}')).toMatchObject({
      waitingSales: 2,
    });
  });

  it('sets the till up for the account Keycloak sent back, unlocked', async () => {
    twoSignedIn();
    storage.setItem('pos.tillLocked.v1', '1');
    provider.redirectResult = {
      accessToken: 'kc-access',
      refreshToken: 'kc-r',
      expiresAt: NOW + HOUR,
    };
    const me = { ...sampleTillContext.session.me, userId: 'staff-owner', roles: ['owner'] };
    const answers: Record<string, unknown> = {
      '/api/me': me,
      '/api/devices/claim': sampleDevice,
      '/api/sync/stores/pull?seq=0&limit=1000': {
        documents: [sampleStore],
        checkpoint: { seq: 1 },
      },
    };
    const seen: string[] = [];
    vi.stubGlobal('fetch', (path: string, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get('Authorization') ?? '');
      return Promise.resolve(new Response(JSON.stringify(answers[path]), { status: 200 }));
    });
    const sessions = manager(network(true));
    sessions.boot();

    await sessions.completeRedirectSignIn();
    expect(sessions.redirectState()).toEqual({ status: 'idle' });
    expect(sessions.state()).toMatchObject({
      status: 'active',
      locked: false,
      session: { me: { userId: 'staff-owner' }, tokens: { accessToken: 'kc-access' } },
    });
    expect(seen.every((header) => header === 'Bearer kc-access')).toBe(true);
    expect(sessions.knownStaff().map((s) => s.userId)).toContain('staff-cashier');
  });
});
