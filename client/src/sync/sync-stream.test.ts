import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';

import { ApiClient } from '../session/api-client.ts';
import { NetworkMonitor } from './network-monitor.ts';
import { StreamEndpoints } from './stream-endpoints.ts';
import { SyncStream } from './sync-stream.ts';

function sseResponse(chunks: string[]): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      },
    }),
    { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
  );
}

describe('SyncStream', () => {
  it('says RESYNC once per connection and routes documents to their collection', async () => {
    const requests: string[] = [];
    const client = new ApiClient(
      { accessToken: () => 'token-1', refresh: () => Promise.resolve(false) },
      undefined,
      (input, init) => {
        requests.push(`${String(input)} ${new Headers(init?.headers).get('Authorization')}`);
        return Promise.resolve(
          sseResponse([
            'data: "RESYNC"\n\n',
            ': heartbeat\n\n',
            'data: {"collection":"stores","documents":[{"id":"s1"}],"checkpoint":{"seq":3}}\n\n',
            'data: {"collection":"products","documents":[{"id":"p1","_deleted":false}],',
            '"checkpoint":{"seq":4}}\n\n',
          ]),
        );
      },
    );
    const stream = new SyncStream(client, new NetworkMonitor(null));

    const items = await firstValueFrom(stream.forCollection('products').pipe(take(2), toArray()));

    expect(items).toEqual([
      'RESYNC',
      { documents: [{ id: 'p1', _deleted: false }], checkpoint: { seq: 4 } },
    ]);
    expect(requests[0]).toBe('/api/sync/stream Bearer token-1');
  });

  it('falls back to the other sync server when its own refuses the stream', async () => {
    const asked: string[] = [];
    const client = new ApiClient(
      { accessToken: () => 'token-1', refresh: () => Promise.resolve(false) },
      undefined,
      (input) => {
        const url = String(input);
        asked.push(url);
        return url.startsWith('http://first')
          ? Promise.reject(new TypeError('Failed to fetch'))
          : Promise.resolve(sseResponse([': heartbeat\n\n']));
      },
    );
    const endpoints = new StreamEndpoints(['http://first', 'http://second'], 'installation-1');
    while (endpoints.current() !== 'http://first') endpoints.failed();
    const stream = new SyncStream(client, new NetworkMonitor(null), endpoints);

    const first = await firstValueFrom(stream.forCollection('products'));

    expect(first).toBe('RESYNC');
    expect(asked).toEqual(['http://first/api/sync/stream', 'http://second/api/sync/stream']);
  }, 10_000);
});
