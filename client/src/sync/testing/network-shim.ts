/**
 * What the network does to the next push: lose its answer after the server applied it, deliver
 * it twice (the copy arrives later, after newer pushes), hold it back until released (pushes
 * sent after it overtake it), fail it before it reaches the server, or slow its answer down
 * (live events of the server overtake it).
 */
export type PushFault = 'lose-response' | 'duplicate' | 'hold' | 'fail' | 'slow-response';

export const pushFaults: readonly PushFault[] = [
  'lose-response',
  'duplicate',
  'hold',
  'fail',
  'slow-response',
];

const SLOW_RESPONSE_MS = 500;

interface Held {
  send: () => void;
}

interface Replay {
  url: string;
  init: RequestInit;
}

/** The error a browser's fetch throws when there is no network. */
function networkDown(): TypeError {
  return new TypeError('Failed to fetch');
}

/**
 * A fetch between one till and the sync servers. Paths go round-robin to the server
 * instances, so consecutive requests of one till land on different servers. Faults are armed
 * for the next pushes and applied in order; every push body is copied before it is sent, so a
 * duplicate is an exact replay of what the till sent.
 */
export class NetworkShim {
  private connected = true;
  private next = 0;
  private readonly faults: PushFault[] = [];
  private readonly held: Held[] = [];
  private readonly replays: Replay[] = [];
  private readonly streams = new Set<AbortController>();
  private readonly inFlight = new Set<Promise<unknown>>();
  /** How many pushes the server answered whose answer the till never saw. */
  lostResponses = 0;

  constructor(private readonly servers: readonly string[]) {
    if (servers.length === 0) throw new Error('NetworkShim needs at least one server');
  }

  online(): boolean {
    return this.connected;
  }

  /** Cuts the network: requests fail, open event streams break. */
  disconnect(): void {
    this.connected = false;
    for (const stream of this.streams) stream.abort(networkDown());
  }

  reconnect(): void {
    this.connected = true;
  }

  arm(fault: PushFault): void {
    this.faults.push(fault);
  }

  /** Breaks the open event streams (a proxy timing out): the till reconnects and resyncs. */
  dropStreams(): void {
    for (const stream of this.streams) stream.abort(networkDown());
  }

  /** Sends the held pushes, newest first, so they reach the server after later ones. */
  releaseHeld(): void {
    for (const held of this.held.splice(0).reverse()) held.send();
  }

  /** Delivers the copies of duplicated pushes now; their answers go nowhere. */
  async replayDuplicates(): Promise<void> {
    const replays = this.replays.splice(0);
    await Promise.all(
      replays.map((replay) =>
        globalThis.fetch(replay.url, replay.init).then(
          (response) => response.arrayBuffer(),
          () => undefined,
        ),
      ),
    );
  }

  /** Disarms what was not used, releases and replays everything still in the network. */
  async drain(): Promise<void> {
    this.faults.length = 0;
    this.releaseHeld();
    await this.replayDuplicates();
    await Promise.all([...this.inFlight]);
  }

  readonly fetch: typeof fetch = (input, init) => {
    const path = typeof input === 'string' ? input : String(input);
    const url = `${this.servers[this.next++ % this.servers.length]}${path}`;
    if (!this.connected) return Promise.reject(networkDown());

    if (path === '/api/sync/stream') return this.openStream(url, init);
    const isPush = init?.method === 'POST' && path.endsWith('/push');
    if (!isPush) return globalThis.fetch(url, init);

    return this.track(this.push(url, init ?? {}, this.faults.shift()));
  };

  private async push(url: string, init: RequestInit, fault: PushFault | undefined) {
    switch (fault) {
      case 'fail':
        throw networkDown();
      case 'hold': {
        // The request is in the network: it reaches the server when released, even if the
        // till gave up waiting (its timeout) in between.
        await new Promise<void>((resolve) => this.held.push({ send: resolve }));
        const response = await globalThis.fetch(url, { ...init, signal: null });
        if (init.signal?.aborted === true || !this.connected) {
          await response.arrayBuffer();
          throw networkDown();
        }
        return response;
      }
      case 'lose-response': {
        const response = await globalThis.fetch(url, init);
        await response.arrayBuffer();
        this.lostResponses += 1;
        throw networkDown();
      }
      case 'slow-response': {
        const response = await globalThis.fetch(url, init);
        const body = await response.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, SLOW_RESPONSE_MS));
        return new Response(body, { status: response.status, headers: response.headers });
      }
      case 'duplicate':
        this.replays.push({ url, init: { ...init, signal: null } });
        return globalThis.fetch(url, init);
      case undefined:
        return globalThis.fetch(url, init);
    }
  }

  private async openStream(url: string, init: RequestInit | undefined): Promise<Response> {
    const connection = new AbortController();
    const outer = init?.signal;
    const abort = () => connection.abort(outer?.reason);
    if (outer?.aborted === true) abort();
    outer?.addEventListener('abort', abort, { once: true });
    this.streams.add(connection);
    const forget = () => {
      this.streams.delete(connection);
      outer?.removeEventListener('abort', abort);
    };
    connection.signal.addEventListener('abort', forget, { once: true });

    try {
      return await globalThis.fetch(url, { ...init, signal: connection.signal });
    } catch (error) {
      forget();
      throw error;
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return promise;
  }
}
