import { errorMessage } from '../session/api-error.ts';
import type { SessionManager, SessionState } from '../session/session-manager.ts';
import type { NetworkMonitor } from '../sync/network-monitor.ts';
import { log } from './log.ts';
import {
  openTillRuntime,
  runtimeKey,
  type TillRuntime,
  type TillRuntimeOptions,
} from './till-runtime.ts';

export type RuntimeState =
  | { status: 'none' }
  | { status: 'opening' }
  | { status: 'ready'; runtime: TillRuntime }
  | { status: 'failed'; error: string };

/**
 * Opens the till runtime for the signed-in tenant and device and closes it when they change
 * or the user signs out. One runtime at a time; transitions run one after another.
 */
export class RuntimeHost {
  private state: RuntimeState = { status: 'none' };
  private readonly listeners = new Set<() => void>();
  private queue: Promise<void> = Promise.resolve();
  private wantedKey: string | null = null;
  private paused = false;

  constructor(
    private readonly sessions: SessionManager,
    private readonly network: NetworkMonitor,
    private readonly options: TillRuntimeOptions = {},
  ) {}

  start(): void {
    this.sessions.subscribe((session) => this.follow(session));
    this.follow(this.sessions.state());
  }

  current(): RuntimeState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private follow(session: SessionState): void {
    const key = session.status === 'active' ? runtimeKey(session.session) : null;
    if (session.status === 'active') void this.pauseSyncWhile(session.syncBlocked);
    if (key === this.wantedKey) return;
    this.wantedKey = key;

    this.queue = this.queue.then(async () => {
      if (this.state.status === 'ready') {
        const open = this.state.runtime;
        this.set({ status: 'none' });
        await open
          .close()
          .catch((error: unknown) =>
            log.warn('closing the till failed', { error: errorMessage(error) }),
          );
      }

      await this.open(key);
    });
  }

  /**
   * Drops the local catalog and downloads it again: closes the till, removes products,
   * categories and tax rates with their pull checkpoints, and opens it again. What the till
   * wrote (waiting sales above all) is in other collections and stays.
   */
  clearCatalog(): Promise<void> {
    const done = this.queue.then(async () => {
      if (this.state.status !== 'ready') throw new Error('The till is not open');
      const open = this.state.runtime;
      this.set({ status: 'opening' });
      try {
        await open.close({ clearCatalog: true });
      } finally {
        await this.open(this.wantedKey);
      }
    });
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async open(key: string | null): Promise<void> {
    const latest = this.sessions.state();
    if (latest.status !== 'active' || runtimeKey(latest.session) !== key) {
      if (this.state.status === 'opening') this.set({ status: 'none' });
      return;
    }

    this.set({ status: 'opening' });
    try {
      const runtime = await openTillRuntime(
        latest.session,
        this.sessions,
        this.network,
        this.options,
      );
      this.set({ status: 'ready', runtime });
      this.paused = false;
      const now = this.sessions.state();
      await this.pauseSyncWhile(now.status === 'active' && now.syncBlocked);
    } catch (error) {
      log.error('opening the till failed', { error: errorMessage(error) });
      this.set({ status: 'failed', error: errorMessage(error) });
    }
  }

  /**
   * With every session of the till refused, each request would fail; the replication waits for
   * a sign-in. One valid session (anyone who signed in here) is enough to keep syncing.
   */
  private async pauseSyncWhile(needsSignIn: boolean): Promise<void> {
    if (this.state.status !== 'ready' || needsSignIn === this.paused) return;
    this.paused = needsSignIn;
    const { replication } = this.state.runtime;
    if (needsSignIn) await replication.pause();
    else await replication.resume();
  }

  private set(state: RuntimeState): void {
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }
}
