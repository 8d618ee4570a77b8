import type { Hono } from 'hono';

import type { AppEnv } from '../http/app-env.ts';
import { bearer } from './test-app.ts';

export interface EventStream {
  /** The next `data:` event, parsed; rejects when none comes within `timeoutMs`. */
  next(timeoutMs?: number): Promise<unknown>;
  close(): Promise<void>;
}

/** GET /api/sync/stream on `app` as the holder of `token`, read event by event. */
export async function openEventStream(app: Hono<AppEnv>, token: string): Promise<EventStream> {
  const response = await app.request('/api/sync/stream', { headers: bearer(token) });
  if (response.status !== 200 || response.body === null) {
    throw new Error(`the stream answered ${response.status}`);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const events: unknown[] = [];
  let buffer = '';
  let pending: Promise<void> | undefined;

  const readMore = async () => {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended');
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const data = buffer
        .slice(0, end)
        .split('\n')
        .find((line) => line.startsWith('data: '));
      if (data !== undefined) events.push(JSON.parse(data.slice('data: '.length)));
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
  };

  return {
    async next(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length === 0) {
        // One read at a time; a read that outlives a timeout is picked up by the next call.
        pending ??= readMore().finally(() => {
          pending = undefined;
        });
        const left = deadline - Date.now();
        const timedOut = new Promise<'timeout'>((resolve) =>
          setTimeout(() => resolve('timeout'), Math.max(0, left)),
        );
        if ((await Promise.race([pending, timedOut])) === 'timeout') {
          throw new Error(`no stream event within ${timeoutMs} ms`);
        }
      }
      return events.shift();
    },
    close: () => reader.cancel(),
  };
}
