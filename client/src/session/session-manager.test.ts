import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { sampleDevice, sampleStore } from '../data/testing/sample-documents.ts';
import { sampleTillContext } from '../data/testing/sample-till-context.ts';
import { MemoryStorage } from '../testing/memory-storage.ts';
import { AuthError, type AuthProvider, type AuthTokens } from './auth-provider.ts';
import { REFRESH_AHEAD_MS, SessionManager } from './session-manager.ts';
import { loadSession, saveSession, type StoredSession } from './stored-session.ts';

const NOW = 1_750_000_000_000;

class FakeProvider implements AuthProvider {
  tokens: AuthTokens | null = null;
  refreshResult: () => Promise<AuthTokens> = () =>
    Promise.resolve({ accessToken: 'fresh', refreshToken: 'r2', expiresAt: NOW + 3_600_000 });
  refreshCalls = 0;

  current() {
    return this.tokens;
  }
  restore(tokens: AuthTokens | null) {
    this.tokens = tokens;
  }
  signIn() {
    return Promise.reject(new Error('not used'));
  }
  async refresh() {
    this.refreshCalls += 1;
    this.tokens = await this.refreshResult();
    return this.tokens;
  }
  signOut() {
    this.tokens = null;
    return Promise.resolve();
  }
}

function storedSession(expiresAt: number): StoredSession {
  return {
    tokens: { accessToken: 'old', refreshToken: 'r1', expiresAt },
    me: sampleTillContext.session.me,
    device: sampleDevice,
    store: sampleStore,
    signedInAt: '2025-03-01T09:00:00.000Z',
    needsSignIn: false,
  };
}

function network(online: boolean) {
  let back: (() => void) | undefined;
  return {
    isOnline: online,
    online() {
      return this.isOnline;
    },
    onBackOnline(callback: () => void) {
      back = callback;
      return () => undefined;
    },
    comeBack() {
      this.isOnline = true;
      back?.();
    },
    reached: () => undefined,
    unreachable: () => undefined,
  };
}

describe('SessionManager', () => {
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

  it('boots from the stored session without any network call', () => {
    saveSession(storedSession(NOW - 1000), storage);
    const sessions = manager(network(false));
    sessions.boot();

    const state = sessions.state();
    expect(state.status).toBe('active');
    expect(sessions.tokens.accessToken()).toBe('old');
    expect(provider.refreshCalls).toBe(0);
  });

  it('refreshes a minute before expiry and persists the new tokens', async () => {
    saveSession(storedSession(NOW + 10 * 60_000), storage);
    const sessions = manager();
    sessions.boot();

    await vi.advanceTimersByTimeAsync(10 * 60_000 - REFRESH_AHEAD_MS - 1000);
    expect(provider.refreshCalls).toBe(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(provider.refreshCalls).toBe(1);
    expect(loadSession(storage)?.tokens.accessToken).toBe('fresh');
  });

  it('does not refresh an expired token while offline, and does when the network returns', async () => {
    saveSession(storedSession(NOW - 1000), storage);
    const net = network(false);
    const sessions = manager(net);
    sessions.boot();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(provider.refreshCalls).toBe(0);
    expect(sessions.state().status).toBe('active');

    net.comeBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(provider.refreshCalls).toBe(1);
  });

  it('asks for a new sign-in when the refresh is refused, keeping the session and its data', async () => {
    saveSession(storedSession(NOW - 1000), storage);
    storage.setItem('pos.rejected.demo', '[]');
    provider.refreshResult = () =>
      Promise.reject(new AuthError('session_expired', 'refresh token expired'));
    const sessions = manager();
    sessions.boot();

    expect(await sessions.refresh()).toBe(false);
    const state = sessions.state();
    expect(state.status === 'active' && state.session.needsSignIn).toBe(true);
    expect(loadSession(storage)?.needsSignIn).toBe(true);
    expect(storage.getItem('pos.rejected.demo')).toBe('[]');
  });

  it('refreshes once for many concurrent 401s', async () => {
    saveSession(storedSession(NOW + 3_600_000), storage);
    const sessions = manager();
    sessions.boot();

    const results = await Promise.all([sessions.refresh(), sessions.refresh(), sessions.refresh()]);
    expect(results).toEqual([true, true, true]);
    expect(provider.refreshCalls).toBe(1);
  });

  it('refuses to sign out while sales wait, and signs out when none do', async () => {
    saveSession(storedSession(NOW + 3_600_000), storage);
    const sessions = manager();
    sessions.boot();

    const refused = await sessions.signOut(2);
    expect(refused).toEqual({
      ok: false,
      reason: expect.stringMatching(/2 sales are still waiting/),
    });
    expect(sessions.state().status).toBe('active');

    expect(await sessions.signOut(0)).toEqual({ ok: true });
    expect(sessions.state().status).toBe('signed-out');
    expect(loadSession(storage)).toBeNull();
  });

  it('keeps the cached store current, ignoring older copies', () => {
    saveSession(storedSession(NOW + 3_600_000), storage);
    const sessions = manager();
    sessions.boot();

    sessions.updateOrganisation(
      { ...sampleStore, name: 'Old', updatedAt: '2020-01-01T00:00:00.000Z' },
      undefined,
    );
    expect(loadSession(storage)?.store.name).toBe('Main Street');

    sessions.updateOrganisation(
      { ...sampleStore, name: 'Renamed', updatedAt: '2030-01-01T00:00:00.000Z' },
      undefined,
    );
    expect(loadSession(storage)?.store.name).toBe('Renamed');
  });
});
