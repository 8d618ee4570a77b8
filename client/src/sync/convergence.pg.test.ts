import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { scriptArbitrary, TILLS, type Command } from './testing/convergence-commands.ts';
import { ConvergenceWorld } from './testing/convergence-world.ts';
import { TillThread } from './testing/till-thread.ts';

// `npm test` runs a small fixed budget; `npm run test:soak` sets SOAK_RUNS / SOAK_SECONDS.
const soakRuns = Number(process.env['SOAK_RUNS'] ?? 0);
const soakSeconds = Number(process.env['SOAK_SECONDS'] ?? 0);
const soaking = soakRuns > 0 || soakSeconds > 0;
const numRuns = soaking ? (soakRuns > 0 ? soakRuns : 1_000_000) : 6;
const budgetMs = soaking ? (soakSeconds > 0 ? soakSeconds * 1000 : soakRuns * 60_000) : 150_000;

async function play(tills: readonly TillThread[], script: readonly Command[]): Promise<void> {
  const world = await ConvergenceWorld.open(tills);
  try {
    for (const command of script) await world.apply(command);
    expect(await world.settleAndCheck()).toEqual([]);
  } finally {
    await world.close();
  }
}

describe('simulated tills converge with the real sync server', () => {
  let tills: TillThread[] = [];
  beforeAll(() => {
    tills = Array.from({ length: TILLS }, (_, i) => TillThread.start(`till-${i + 1}`));
  });
  afterAll(async () => {
    await Promise.all(tills.map((till) => till.stop()));
  });

  const property = () =>
    fc.asyncProperty(scriptArbitrary(soaking ? 40 : 24), (script) => play(tills, script));

  it(
    'never loses or doubles a sale, whatever the network does',
    async () => {
      await fc.assert(property(), {
        numRuns,
        // A run takes seconds: report the first failure's seed and path rather than shrink.
        endOnFailure: !soaking,
        ...(soaking ? { interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false } : {}),
      });
    },
    budgetMs + 120_000,
  );
});

describe('live events that arrive while a push is in flight', () => {
  let tills: TillThread[] = [];
  beforeAll(() => {
    tills = Array.from({ length: TILLS }, (_, i) => TillThread.start(`focused-till-${i + 1}`));
  });
  afterAll(async () => {
    await Promise.all(tills.map((till) => till.stop()));
  });

  it('are never lost: the till ends with the server copy of its own sale', async () => {
    // The server stores the sale and publishes it on the stream at once; the push's answer is
    // held back, so the till hears the live event while its push is still in flight.
    await play(tills, [
      { kind: 'fault', till: 0, fault: 'slow-response' },
      { kind: 'sale', till: 0, items: [{ product: 1, pieces: 2 }], cash: false },
      { kind: 'wait', ms: 1_500 },
      { kind: 'fault', till: 1, fault: 'slow-response' },
      { kind: 'sale', till: 1, items: [{ product: 2, pieces: 1 }], cash: true },
      { kind: 'receive', product: 2, pieces: 5 },
      { kind: 'wait', ms: 1_500 },
    ]);
  }, 120_000);
});
