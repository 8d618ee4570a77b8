import {
  streamEventSchema,
  type Checkpoint,
  type CollectionName,
  type StreamEvent,
} from '@pos/shared';
import type { RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { filter, map, Observable, share } from 'rxjs';

import { log } from '../app/log.ts';
import type { ApiClient } from '../session/api-client.ts';
import { errorMessage } from '../session/api-error.ts';
import type { NetworkMonitor } from './network-monitor.ts';
import { SseParser } from './sse-parser.ts';
import { StreamEndpoints } from './stream-endpoints.ts';

type ServerDocument = Record<string, unknown>;
export type PullStreamItem = RxReplicationPullStreamItem<ServerDocument, Checkpoint>;

/** The server sends a heartbeat every 15 s; this much silence means the connection is dead. */
const SILENCE_MS = 45_000;
const BACKOFF_MAX_MS = 30_000;

/**
 * One Server-Sent Events connection for all collections, read with fetch so it carries the
 * Bearer token (EventSource cannot). It connects when the first replication subscribes (only
 * the leader tab replicates), reconnects with backoff, and says RESYNC on every (re)connect so
 * whatever changed while it was away gets pulled.
 */
export class SyncStream {
  private readonly events: Observable<StreamEvent>;

  constructor(
    private readonly client: ApiClient,
    private readonly network: NetworkMonitor,
    /** Which server to stream from; the till's own origin unless told otherwise. */
    private readonly endpoints: StreamEndpoints = new StreamEndpoints(undefined, ''),
  ) {
    this.events = new Observable<StreamEvent>((subscriber) => {
      const stop = new AbortController();
      void this.run(stop.signal, (event) => subscriber.next(event));
      return () => stop.abort();
    }).pipe(share());
  }

  forCollection(name: CollectionName): Observable<PullStreamItem> {
    return this.events.pipe(
      filter((event) => event === 'RESYNC' || event.collection === name),
      map((event): PullStreamItem =>
        event === 'RESYNC'
          ? 'RESYNC'
          : {
              documents: event.documents as WithDeleted<ServerDocument>[],
              checkpoint: event.checkpoint,
            },
      ),
    );
  }

  private async run(stop: AbortSignal, emit: (event: StreamEvent) => void): Promise<void> {
    let failures = 0;

    while (!stop.aborted) {
      if (!this.network.online()) await this.wait(stop, BACKOFF_MAX_MS);
      if (stop.aborted) return;

      try {
        await this.connectOnce(stop, emit, () => {
          failures = 0;
        });
      } catch (error) {
        if (stop.aborted) return;
        failures += 1;
        log.debug('sync stream interrupted', {
          error: errorMessage(error),
          failures,
          from: this.endpoints.current(),
        });
        // Another instance may be up; the stream says RESYNC there, so nothing is missed.
        this.endpoints.failed();
      }

      await this.wait(stop, Math.min(BACKOFF_MAX_MS, 1000 * 2 ** Math.min(failures, 5)));
    }
  }

  private async connectOnce(
    stop: AbortSignal,
    emit: (event: StreamEvent) => void,
    connected: () => void,
  ): Promise<void> {
    const connection = new AbortController();
    const abort = () => connection.abort();
    stop.addEventListener('abort', abort, { once: true });
    const unsubscribe = this.network.subscribe((online) => {
      if (!online) abort();
    });
    let watchdog = setTimeout(abort, SILENCE_MS);

    try {
      const response = await this.client.request(this.endpoints.streamUrl(), {
        signal: connection.signal,
        headers: { Accept: 'text/event-stream' },
      });
      const body = response.body;
      if (!body) throw new Error('The event stream has no body');

      connected();
      // The server opens with RESYNC too; one per connection is enough, so the till says it.
      emit('RESYNC');
      let first = true;

      const reader = body.pipeThrough(new TextDecoderStream()).getReader();
      connection.signal.addEventListener(
        'abort',
        () => void reader.cancel().catch(() => undefined),
      );
      const parser = new SseParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        clearTimeout(watchdog);
        watchdog = setTimeout(abort, SILENCE_MS);

        for (const data of parser.feed(value)) {
          const event = this.parse(data);
          if (event === undefined || (first && event === 'RESYNC')) {
            first = false;
            continue;
          }
          first = false;
          emit(event);
        }
      }
    } finally {
      clearTimeout(watchdog);
      unsubscribe();
      stop.removeEventListener('abort', abort);
      connection.abort();
    }
  }

  private parse(data: string): StreamEvent | undefined {
    try {
      const parsed = streamEventSchema.safeParse(JSON.parse(data));
      if (parsed.success) return parsed.data;
    } catch {
      // Fall through: an unreadable event is skipped, the next RESYNC covers it.
    }
    log.warn('unreadable sync stream event skipped');
    return undefined;
  }

  /** Sleeps, but wakes at once when the network comes back or the stream is stopped. */
  private wait(stop: AbortSignal, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stop.removeEventListener('abort', done);
        offBack();
        resolve();
      };
      const timer = setTimeout(done, ms);
      stop.addEventListener('abort', done, { once: true });
      const offBack = this.network.onBackOnline(done);
    });
  }
}
