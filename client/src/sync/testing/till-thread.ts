import { Worker } from 'node:worker_threads';

import type { RungUpSale, Snapshot, TillState } from './simulated-till.ts';
import type { TillRequest } from './till-protocol.ts';

type Answer = { id: number; result?: unknown; error?: string };

/** The test's handle on a till running in its own worker thread (see till-worker.ts). */
export class TillThread {
  private nextId = 0;
  private readonly waiting = new Map<number, (answer: Answer) => void>();

  private constructor(
    readonly name: string,
    private readonly worker: Worker,
  ) {
    worker.on('message', (answer: Answer) => {
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    });
    worker.on('error', (error) => {
      for (const reply of this.waiting.values()) reply({ id: -1, error: String(error) });
      this.waiting.clear();
    });
  }

  /** Workers load TypeScript through tsx, as vitest's own loader does not reach them. */
  static start(name: string): TillThread {
    const entry = new URL('./till-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    return new TillThread(name, new Worker(boot, { eval: true, name }));
  }

  ask(request: Extract<TillRequest, { kind: 'ring-up' }>): Promise<RungUpSale>;
  ask(request: Extract<TillRequest, { kind: 'settle' | 'state' }>): Promise<TillState>;
  ask(request: Extract<TillRequest, { kind: 'snapshot' }>): Promise<Snapshot>;
  ask(request: TillRequest): Promise<null>;
  ask(request: TillRequest): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) => {
        if (answer.error === undefined) resolve(answer.result);
        else reject(new Error(`${this.name} failed to ${request.kind}: ${answer.error}`));
      });
      this.worker.postMessage({ id, request });
    });
  }

  async stop(): Promise<void> {
    await this.ask({ kind: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }
}
