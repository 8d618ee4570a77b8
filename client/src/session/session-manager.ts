import type { Device, Store } from '@pos/shared';

import { log } from '../app/log.ts';
import { withExclusiveLock } from '../data/exclusive-lock.ts';
import { ApiClient, type ReachabilityListener, type TokenSource } from './api-client.ts';
import { errorMessage } from './api-error.ts';
import {
  AuthError,
  type AuthProvider,
  type AuthTokens,
  type Credentials,
} from './auth-provider.ts';
import { loadTillIdentity } from './sign-in-flow.ts';
import {
  clearSession,
  loadSession,
  saveSession,
  SESSION_STORAGE_KEY,
  type StoredSession,
} from './stored-session.ts';

export type SessionState = { status: 'signed-out' } | { status: 'active'; session: StoredSession };

export interface Network {
  online(): boolean;
  onBackOnline(callback: () => void): () => void;
}

export interface SessionManagerDeps {
  provider: AuthProvider;
  network: Network & ReachabilityListener;
  installationId: () => string;
  storage?: Storage;
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  now?: () => number;
}

/** Refresh this long before the access token runs out. */
export const REFRESH_AHEAD_MS = 60_000;
const RETRY_MS = 30_000;
const MAX_TIMER_MS = 2_147_483_647;

export type SignOutResult = { ok: true } | { ok: false; reason: string };

/**
 * The signed-in session of this till: kept in localStorage so an offline cold start sells at
 * once, refreshed a minute before expiry while online. A refused refresh never stops selling
 * or touches local data; it asks for a new sign-in and syncing waits for it.
 */
export class SessionManager {
  private current: SessionState = { status: 'signed-out' };
  private readonly listeners = new Set<(state: SessionState) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | undefined;
  private readonly storage: Storage;
  private readonly now: () => number;
  private readonly cleanups: (() => void)[] = [];

  readonly tokens: TokenSource = {
    accessToken: () => this.activeSession()?.tokens.accessToken ?? null,
    refresh: () => this.refresh(),
  };

  constructor(private readonly deps: SessionManagerDeps) {
    this.storage = deps.storage ?? localStorage;
    this.now = deps.now ?? (() => Date.now());
  }

  /** Restores the last session from localStorage; no network involved. */
  boot(): void {
    const stored = loadSession(this.storage);
    if (stored) this.activate(stored);

    this.cleanups.push(this.deps.network.onBackOnline(() => this.schedule()));
    const onStorage = (event: StorageEvent) => {
      if (event.key === SESSION_STORAGE_KEY) this.adoptFromOtherTab();
    };
    this.deps.window?.addEventListener('storage', onStorage);
    this.cleanups.push(() => this.deps.window?.removeEventListener('storage', onStorage));
  }

  state(): SessionState {
    return this.current;
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Signs in and sets the till up (me, device, store). Signing in again after an expired
   * session replaces the tokens; another tenant is refused while this one has sales waiting.
   */
  async signIn(credentials: Credentials, waitingSales: number): Promise<void> {
    const previous = this.activeSession();
    const restorePrevious = () => this.deps.provider.restore(previous?.tokens ?? null);

    let tokens: AuthTokens;
    let till: Awaited<ReturnType<typeof loadTillIdentity>>;
    try {
      tokens = await this.deps.provider.signIn(credentials);
      const client = new ApiClient(
        { accessToken: () => tokens.accessToken, refresh: () => Promise.resolve(false) },
        this.deps.network,
      );
      till = await loadTillIdentity(client, this.deps.installationId());
    } catch (error) {
      restorePrevious();
      throw error;
    }

    if (previous && previous.me.tenantId !== till.me.tenantId && waitingSales > 0) {
      restorePrevious();
      throw new AuthError(
        'server',
        `${waitingSales} sales of ${previous.me.tenantName} are still waiting to sync. Sign in to that account until they are sent.`,
      );
    }

    this.activate({
      tokens,
      ...till,
      signedInAt: new Date(this.now()).toISOString(),
      needsSignIn: false,
    });
  }

  /** Refused while sales wait: they would stay on this till with nobody to send them. */
  async signOut(waitingSales: number): Promise<SignOutResult> {
    if (waitingSales > 0) {
      return {
        ok: false,
        reason: `${waitingSales} ${waitingSales === 1 ? 'sale is' : 'sales are'} still waiting to sync. Stay signed in until they are sent.`,
      };
    }

    await this.deps.provider.signOut();
    clearSession(this.storage);
    this.clearTimer();
    this.set({ status: 'signed-out' });
    return { ok: true };
  }

  /** Keeps the cached store and device current as the replicated documents change. */
  updateOrganisation(store: Store | undefined, device: Device | undefined): void {
    const session = this.activeSession();
    if (!session) return;

    // Only newer versions: the local copy may still be older than what sign-in fetched.
    const newer = <T extends { id: string; updatedAt: string; _deleted: boolean }>(
      incoming: T | undefined,
      cached: T,
    ): T =>
      incoming &&
      incoming.id === cached.id &&
      !incoming._deleted &&
      incoming.updatedAt >= cached.updatedAt &&
      JSON.stringify(incoming) !== JSON.stringify(cached)
        ? incoming
        : cached;

    const next = {
      ...session,
      store: newer(store, session.store),
      device: newer(device, session.device),
    };
    if (next.store === session.store && next.device === session.device) return;
    this.activate(next);
  }

  /** Single flight across requests and tabs; true when a fresh token is there to retry with. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.refreshUnderLock().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshUnderLock(): Promise<boolean> {
    const before = this.activeSession();
    if (!before || before.needsSignIn) return false;

    return withExclusiveLock('session-refresh', async () => {
      // Another tab may have refreshed while this one waited; its tokens are newer.
      const stored = loadSession(this.storage);
      if (stored && stored.tokens.accessToken !== before.tokens.accessToken) {
        this.activate(stored);
        return !stored.needsSignIn;
      }

      try {
        const tokens = await this.deps.provider.refresh();
        const session = this.activeSession();
        if (session) this.activate({ ...session, tokens, needsSignIn: false });
        return true;
      } catch (error) {
        if (error instanceof AuthError && error.failure === 'session_expired') {
          log.warn('refresh refused; selling goes on, syncing waits for a sign-in');
          const session = this.activeSession();
          if (session) this.activate({ ...session, needsSignIn: true });
        } else {
          log.info('refresh postponed', { error: errorMessage(error) });
          this.timer = setTimeout(() => this.schedule(), RETRY_MS);
        }
        return false;
      }
    });
  }

  private activate(session: StoredSession): void {
    saveSession(session, this.storage);
    this.deps.provider.restore(session.tokens);
    this.set({ status: 'active', session });
    this.schedule();
  }

  private adoptFromOtherTab(): void {
    const stored = loadSession(this.storage);
    if (!stored) {
      // Signed out in another tab.
      this.clearTimer();
      this.deps.provider.restore(null);
      this.set({ status: 'signed-out' });
      return;
    }
    this.deps.provider.restore(stored.tokens);
    this.set({ status: 'active', session: stored });
    this.schedule();
  }

  private schedule(): void {
    this.clearTimer();
    const session = this.activeSession();
    if (!session || session.needsSignIn) return;

    const due = session.tokens.expiresAt - REFRESH_AHEAD_MS - this.now();
    if (due > 0) {
      this.timer = setTimeout(() => this.schedule(), Math.min(due, MAX_TIMER_MS));
      return;
    }
    // Offline an expired token is fine; the network monitor calls back when it returns.
    if (this.deps.network.online()) void this.refresh();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private activeSession(): StoredSession | undefined {
    return this.current.status === 'active' ? this.current.session : undefined;
  }

  private set(state: SessionState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }

  dispose(): void {
    this.clearTimer();
    this.cleanups.forEach((cleanup) => cleanup());
    this.listeners.clear();
  }
}
