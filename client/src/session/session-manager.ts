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
import { permissionSnapshot } from './permission-snapshot.ts';
import { saveSignInIntent, takeSignInIntent } from './sign-in-intent.ts';
import { loadTillIdentity } from './sign-in-flow.ts';
import {
  clearStaffSessions,
  loadStaffSessions,
  removeStaffSession,
  saveStaffSession,
  STAFF_SESSIONS_STORAGE_KEY,
} from './staff-sessions.ts';
import {
  clearSession,
  loadSession,
  saveSession,
  SESSION_STORAGE_KEY,
  type StoredSession,
} from './stored-session.ts';
import { isTillLocked, setTillLocked, TILL_LOCK_STORAGE_KEY } from './till-lock.ts';

export type SessionState =
  | { status: 'signed-out' }
  | {
      status: 'active';
      /** Whoever is at the till: sales name them as the cashier. */
      session: StoredSession;
      /** The till waits for a PIN; selling and syncing in the background go on. */
      locked: boolean;
      /** No session on this till can sync any more: someone has to sign in again. */
      syncBlocked: boolean;
    };

/** A sign-in that left the page for the issuer and is being finished on its return. */
export type RedirectState =
  { status: 'idle' } | { status: 'completing' } | { status: 'failed'; message: string };

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

/** Refresh this long before the access token runs out (keycloak-js's `updateToken(60)`). */
export const REFRESH_AHEAD_MS = 60_000;
const RETRY_MS = 30_000;
const MAX_TIMER_MS = 2_147_483_647;

export type SignOutResult = { ok: true } | { ok: false; reason: string };

export interface KnownStaff {
  userId: string;
  displayName: string;
  email: string;
  roles: StoredSession['me']['roles'];
  /** Their refresh token was refused: unlocking works, syncing with their account does not. */
  needsSignIn: boolean;
}

function waitingText(n: number): string {
  return `${n} ${n === 1 ? 'sale is' : 'sales are'} still waiting to sync`;
}

/**
 * The signed-in sessions of this till. The active one (whoever is at the till) and every other
 * staff member's last session stay in localStorage, so an offline cold start sells at once and
 * a PIN hands the till to someone who signed in here before. The token of the person at the
 * till syncs while the issuer accepts it, otherwise another one of this till's sessions does.
 * A refused refresh never stops selling or touches local data; it asks for a new sign-in.
 */
export class SessionManager {
  private current: SessionState = { status: 'signed-out' };
  private redirect: RedirectState = { status: 'idle' };
  private readonly listeners = new Set<(state: SessionState) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | undefined;
  private readonly storage: Storage;
  private readonly now: () => number;
  private readonly cleanups: (() => void)[] = [];

  readonly tokens: TokenSource = {
    accessToken: () => this.syncSession()?.tokens.accessToken ?? null,
    refresh: () => this.refresh(),
    beforeRequest: () => this.ensureFresh(),
  };

  constructor(private readonly deps: SessionManagerDeps) {
    this.storage = deps.storage ?? localStorage;
    this.now = deps.now ?? (() => Date.now());
  }

  /** Restores the last session from localStorage; no network involved. */
  boot(): void {
    const stored = loadSession(this.storage);
    if (stored) this.activate(stored, isTillLocked(this.storage));

    this.cleanups.push(this.deps.network.onBackOnline(() => this.schedule()));
    this.deps.provider.onExpired?.(() => this.schedule());
    const onStorage = (event: StorageEvent) => {
      if (
        event.key === SESSION_STORAGE_KEY ||
        event.key === TILL_LOCK_STORAGE_KEY ||
        event.key === STAFF_SESSIONS_STORAGE_KEY
      ) {
        this.adoptFromOtherTab();
      }
    };
    this.deps.window?.addEventListener('storage', onStorage);
    this.cleanups.push(() => this.deps.window?.removeEventListener('storage', onStorage));
  }

  state(): SessionState {
    return this.current;
  }

  redirectState(): RedirectState {
    return this.redirect;
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Password sign-in (the embedded issuer): tokens first, then the till is set up with them. */
  async signIn(credentials: Credentials, waitingSales: number): Promise<void> {
    const previous = this.activeSession();
    let tokens: AuthTokens;
    try {
      tokens = await this.deps.provider.signIn(credentials);
    } catch (error) {
      this.deps.provider.restore(previous?.tokens ?? null);
      throw error;
    }
    await this.establish(tokens, waitingSales);
  }

  /** Redirect sign-in (Keycloak): leaves the page; `completeRedirectSignIn` finishes it. */
  async startRedirectSignIn(waitingSales: number, loginHint?: string): Promise<void> {
    const redirect = this.deps.provider.redirectToSignIn?.bind(this.deps.provider);
    if (redirect === undefined) throw new Error('This till signs in with a password');
    if (!this.deps.network.online()) {
      throw new AuthError(
        'unreachable',
        'Signing in needs the network. Staff who signed in here before can unlock with their PIN.',
      );
    }
    saveSignInIntent({ waitingSales, startedAt: this.now() }, this.storage);
    await redirect(loginHint === undefined ? {} : { loginHint });
  }

  /** On a page load that returns from the issuer's sign-in page: sets the till up. */
  async completeRedirectSignIn(): Promise<void> {
    const take = this.deps.provider.takeRedirectResult?.bind(this.deps.provider);
    if (take === undefined) return;
    const intent = takeSignInIntent(this.now(), this.storage);

    try {
      const pending = take();
      this.setRedirect({ status: 'completing' });
      const tokens = await pending;
      if (tokens === null) {
        this.setRedirect({ status: 'idle' });
        return;
      }
      // Without the intent the waiting count is unknown; another tenant is then refused.
      await this.establish(tokens, intent?.waitingSales ?? Number.POSITIVE_INFINITY);
      this.setRedirect({ status: 'idle' });
    } catch (error) {
      log.warn('sign-in redirect failed', { error: errorMessage(error) });
      this.deps.provider.restore(this.syncSession()?.tokens ?? null);
      this.setRedirect({ status: 'failed', message: errorMessage(error) });
    }
  }

  /**
   * Sets the till up for new tokens (me, device, store) and puts their owner at the till.
   * Signing in again after an expired session replaces the tokens; another tenant is refused
   * while this one has sales waiting.
   */
  private async establish(tokens: AuthTokens, waitingSales: number): Promise<void> {
    const previous = this.activeSession();
    const restorePrevious = () => this.deps.provider.restore(previous?.tokens ?? null);

    let till: Awaited<ReturnType<typeof loadTillIdentity>>;
    try {
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
      const count = Number.isFinite(waitingSales) ? `${waitingSales} sales` : 'Sales';
      throw new AuthError(
        'server',
        `${count} of ${previous.me.tenantName} may still be waiting to sync. Sign in to that account until they are sent.`,
      );
    }

    this.activate(
      { tokens, ...till, signedInAt: new Date(this.now()).toISOString(), needsSignIn: false },
      false,
    );
  }

  /**
   * Forgets the person at the till on this device. Refused while sales wait: they would stay
   * on this till with nobody to send them. Others who signed in here keep their PIN unlock.
   */
  async signOut(waitingSales: number): Promise<SignOutResult> {
    if (waitingSales > 0) {
      const where = this.deps.network.online()
        ? 'Wait until they are sent, then sign out.'
        : 'Go online first so they can be sent, then sign out.';
      return { ok: false, reason: `${waitingText(waitingSales)}. ${where}` };
    }

    const leaving = this.activeSession();
    await this.deps.provider.signOut();
    if (leaving) removeStaffSession(leaving.me.userId, this.storage);

    const next = leaving ? this.otherSessions(leaving)[0] : undefined;
    if (next && leaving) {
      // The till stays set up for the others; it waits for one of them to unlock it.
      this.activate({ ...next, device: leaving.device, store: leaving.store }, true);
      return { ok: true };
    }

    clearSession(this.storage);
    clearStaffSessions(this.storage);
    setTillLocked(false, this.storage);
    this.clearTimer();
    this.set({ status: 'signed-out' });
    return { ok: true };
  }

  /** "Switch user": the till waits for a PIN; nothing else stops. */
  lock(): void {
    const session = this.activeSession();
    if (!session) return;
    setTillLocked(true, this.storage);
    this.set({ ...this.activeState(session), locked: true });
  }

  /** Staff of this tenant who signed in on this device and may unlock it with a PIN. */
  knownStaff(): KnownStaff[] {
    const session = this.activeSession();
    if (!session) return [];
    return Object.values(loadStaffSessions(this.storage))
      .filter((known) => known.me.tenantId === session.me.tenantId)
      .map((known) => ({
        userId: known.me.userId,
        displayName: known.me.displayName,
        email: known.me.email,
        roles: known.me.roles,
        needsSignIn: known.needsSignIn,
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /**
   * Puts a staff member who signed in here before at the till, with their own session and
   * tokens. The caller has checked their PIN; this only refuses people it does not know.
   */
  switchTo(userId: string): void {
    const session = this.activeSession();
    const known = loadStaffSessions(this.storage)[userId];
    if (!session || !known || known.me.tenantId !== session.me.tenantId) {
      throw new Error('Only staff who signed in on this till can unlock it');
    }
    this.activate({ ...known, device: session.device, store: session.store }, false);
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
    this.activate(next, this.isLocked());
  }

  /** Single flight across requests and tabs; true when a fresh token is there to retry with. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.refreshUnderLock().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Before a request: a token about to run out is refreshed first, online only. */
  async ensureFresh(): Promise<void> {
    const session = this.syncSession();
    if (!session || session.needsSignIn || !this.deps.network.online()) return;
    if (session.tokens.expiresAt - REFRESH_AHEAD_MS > this.now()) return;
    await this.refresh();
  }

  private async refreshUnderLock(): Promise<boolean> {
    const before = this.syncSession();
    if (!before || before.needsSignIn) return false;
    const userId = before.me.userId;

    return withExclusiveLock('session-refresh', async () => {
      // Another tab may have refreshed while this one waited; its tokens are newer.
      const stored = loadStaffSessions(this.storage)[userId];
      if (stored && stored.tokens.accessToken !== before.tokens.accessToken) {
        this.store(stored);
        return !stored.needsSignIn;
      }

      try {
        this.deps.provider.restore(before.tokens);
        const tokens = await this.deps.provider.refresh();
        this.store({ ...this.sessionOf(userId, before), tokens, needsSignIn: false });
        return true;
      } catch (error) {
        if (error instanceof AuthError && error.failure === 'session_expired') {
          log.warn('refresh refused; selling goes on, syncing waits for a sign-in', { userId });
          this.store({ ...this.sessionOf(userId, before), needsSignIn: true });
          // Another staff member's session may still sync for this till.
          const other = this.syncSession();
          if (other && !other.needsSignIn) {
            this.schedule();
            return true;
          }
        } else {
          log.info('refresh postponed', { error: errorMessage(error) });
          this.clearTimer();
          this.timer = setTimeout(() => this.schedule(), RETRY_MS);
        }
        return false;
      } finally {
        this.deps.provider.restore(this.activeSession()?.tokens ?? null);
      }
    });
  }

  /** The session whose token requests carry: the person at the till's, while it is valid. */
  private syncSession(): StoredSession | undefined {
    const active = this.activeSession();
    if (!active || !active.needsSignIn) return active;
    return this.otherSessions(active).find((other) => !other.needsSignIn) ?? active;
  }

  /** This tenant's other sessions on the device, the longest-lived token first. */
  private otherSessions(active: StoredSession): StoredSession[] {
    return Object.values(loadStaffSessions(this.storage))
      .filter(
        (known) => known.me.tenantId === active.me.tenantId && known.me.userId !== active.me.userId,
      )
      .sort((a, b) => b.tokens.expiresAt - a.tokens.expiresAt);
  }

  private sessionOf(userId: string, fallback: StoredSession): StoredSession {
    const active = this.activeSession();
    if (active?.me.userId === userId) return active;
    return loadStaffSessions(this.storage)[userId] ?? fallback;
  }

  /** Keeps a refreshed or refused session: the active one is re-activated, others saved. */
  private store(session: StoredSession): void {
    const active = this.activeSession();
    if (active?.me.userId === session.me.userId) {
      this.activate({ ...session, device: active.device, store: active.store }, this.isLocked());
      return;
    }
    saveStaffSession(session, this.storage);
    if (active) this.set(this.activeState(active));
    this.schedule();
  }

  private activate(stored: StoredSession, locked: boolean): void {
    const session: StoredSession = {
      ...stored,
      permissions: permissionSnapshot(
        { userId: stored.me.userId, tenantId: stored.me.tenantId, roles: stored.me.roles },
        stored.store,
      ),
    };
    saveSession(session, this.storage);
    saveStaffSession(session, this.storage);
    setTillLocked(locked, this.storage);
    this.deps.provider.restore(session.tokens);
    this.set({ ...this.activeState(session), locked });
    this.schedule();
  }

  private activeState(session: StoredSession): Extract<SessionState, { status: 'active' }> {
    const sync = session.needsSignIn
      ? this.otherSessions(session).find((s) => !s.needsSignIn)
      : session;
    return { status: 'active', session, locked: this.isLocked(), syncBlocked: sync === undefined };
  }

  private isLocked(): boolean {
    return this.current.status === 'active' ? this.current.locked : false;
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
    this.set({ ...this.activeState(stored), locked: isTillLocked(this.storage) });
    this.schedule();
  }

  private schedule(): void {
    this.clearTimer();
    const session = this.syncSession();
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

  private setRedirect(state: RedirectState): void {
    this.redirect = state;
    this.set(this.current);
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
