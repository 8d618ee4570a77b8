import { parentPort } from 'node:worker_threads';

import { SimulatedTill, type TillSetup } from './simulated-till.ts';
import type { TillRequest } from './till-protocol.ts';

/**
 * One simulated till per worker thread: RxDB's free tier opens at most 13 collections per
 * JavaScript realm, and a till opens 12, so each till gets a realm of its own, as each browser
 * would. The main thread sends requests; each answer carries the request's number.
 */
let till: SimulatedTill | undefined;

function current(): SimulatedTill {
  if (till === undefined) throw new Error('no till is open in this worker');
  return till;
}

async function handle(request: TillRequest): Promise<unknown> {
  switch (request.kind) {
    case 'open':
      await till?.close();
      till = await SimulatedTill.open(request.setup satisfies TillSetup);
      return null;
    case 'ring-up':
      return current().ringUp(request.items, request.cash);
    case 'disconnect':
      current().disconnect();
      return null;
    case 'reconnect':
      current().reconnect();
      return null;
    case 'arm':
      current().arm(request.fault);
      return null;
    case 'release':
      current().shim.releaseHeld();
      return null;
    case 'replay':
      await current().shim.replayDuplicates();
      return null;
    case 'pull-storm':
      current().pullStorm();
      return null;
    case 'settle':
      return current().settle(request.timeoutMs);
    case 'state':
      return current().state();
    case 'snapshot':
      return current().snapshot();
    case 'close':
      await till?.close();
      till = undefined;
      return null;
  }
}

parentPort?.on('message', (message: { id: number; request: TillRequest }) => {
  handle(message.request).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
      }),
  );
});
