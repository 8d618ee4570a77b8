import fc from 'fast-check';

import { pushFaults, type PushFault } from './network-shim.ts';

export const TILLS = 3;

/** One step of a scenario; `till` indexes the simulated tills, the back office is separate. */
export type Command =
  | { kind: 'sale'; till: number; items: { product: number; pieces: number }[]; cash: boolean }
  | { kind: 'disconnect' | 'reconnect' | 'release' | 'replay' | 'pull-storm'; till: number }
  | { kind: 'fault'; till: number; fault: PushFault }
  | { kind: 'receive' | 'adjust'; product: number; pieces: number }
  | { kind: 'price'; product: number; price: number }
  | { kind: 'office-fault'; fault: PushFault }
  | { kind: 'office-offline' | 'office-online' | 'office-flush' }
  | { kind: 'wait'; ms: number };

const till = fc.nat({ max: TILLS - 1 });
const product = fc.nat({ max: 7 });
const fault = fc.constantFrom(...pushFaults);

export const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      till,
      items: fc.array(fc.record({ product, pieces: fc.integer({ min: 1, max: 3 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      cash: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'disconnect' as const,
        'reconnect' as const,
        'release' as const,
        'replay' as const,
        'pull-storm' as const,
      ),
      till,
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('fault' as const), till, fault }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('receive' as const, 'adjust' as const),
      product,
      pieces: fc.integer({ min: 1, max: 20 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('price' as const),
      product,
      price: fc.integer({ min: 50, max: 5_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('office-fault' as const), fault }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'office-offline' as const,
        'office-online' as const,
        'office-flush' as const,
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.nat(400) }) },
);

export const scriptArbitrary = (maxLength: number) =>
  fc.array(commandArbitrary, { minLength: 4, maxLength });
