import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';

import { ApiClient } from '../session/api-client.ts';
import { NetworkMonitor } from './network-monitor.ts';
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
});
