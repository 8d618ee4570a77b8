import type { StreamEvent } from '@pos/shared';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';

import type { AppEnv } from '../http/app-env.ts';
import type { ChangeBus, ChangeEvent } from './change-bus.ts';

export const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for one signed-in till: RESYNC first (it pulls what it missed while
 * away), then every committed write of its tenant. Heartbeat comments keep proxies from
 * closing an idle connection. Ends when the till goes away or the server shuts down.
 */
export function streamChanges(c: Context<AppEnv>, bus: ChangeBus, shutdown: AbortSignal): Response {
  const { tenantId } = c.get('auth');
  const logger = c.get('logger');

  return streamSSE(c, async (stream) => {
    // Writes go out one after another, in the order the commits were published.
    let queue: Promise<unknown> = Promise.resolve();
    const send = (text: string) => {
      queue = queue.then(() => stream.write(text)).catch(() => undefined);
    };
    const sendEvent = (event: StreamEvent) => send(`data: ${JSON.stringify(event)}\n\n`);

    const unsubscribe = bus.subscribe(
      tenantId,
      (change: ChangeEvent) =>
        sendEvent({
          collection: change.collection,
          documents: change.documents,
          checkpoint: change.checkpoint,
        }),
      () => sendEvent('RESYNC'),
    );
    sendEvent('RESYNC');
    logger.info('stream opened');

    const closed = new Promise<void>((resolve) => {
      stream.onAbort(resolve);
      if (shutdown.aborted) resolve();
      shutdown.addEventListener('abort', () => resolve(), { once: true });
    });
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);

    await closed;

    clearInterval(heartbeat);
    unsubscribe();
    await queue;
    logger.info('stream closed');
  });
}
