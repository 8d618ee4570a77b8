import type { ReachabilityListener } from '../session/api-client.ts';

type Listener = (online: boolean) => void;

/**
 * Online means the browser thinks it has a network and the last request reached the server.
 * navigator.onLine alone says yes behind a captive portal or a dead uplink; a failed fetch
 * says no until the next request gets an answer or the browser reports a network again.
 */
export class NetworkMonitor implements ReachabilityListener {
  private browserOnline: boolean;
  private reachable = true;
  private readonly listeners = new Set<Listener>();
  private readonly detach: () => void;

  constructor(target: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = window) {
    this.browserOnline = typeof navigator === 'undefined' ? true : navigator.onLine;
    const onOnline = () => {
      this.browserOnline = true;
      this.reachable = true;
      this.emit();
    };
    const onOffline = () => {
      this.browserOnline = false;
      this.emit();
    };
    target?.addEventListener('online', onOnline);
    target?.addEventListener('offline', onOffline);
    this.detach = () => {
      target?.removeEventListener('online', onOnline);
      target?.removeEventListener('offline', onOffline);
    };
  }

  online(): boolean {
    return this.browserOnline && this.reachable;
  }

  reached(): void {
    if (this.reachable) return;
    this.reachable = true;
    this.emit();
  }

  unreachable(): void {
    if (!this.reachable) return;
    this.reachable = false;
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls back each time the network comes back (browser event or a request that got through). */
  onBackOnline(callback: () => void): () => void {
    let was = this.online();
    return this.subscribe((online) => {
      if (online && !was) callback();
      was = online;
    });
  }

  private emit(): void {
    const online = this.online();
    for (const listener of this.listeners) listener(online);
  }

  close(): void {
    this.detach();
    this.listeners.clear();
  }
}
