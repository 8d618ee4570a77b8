import type { PushFault } from './network-shim.ts';
import type { SaleItem, TillSetup } from './simulated-till.ts';

/** What the test asks a till in its worker to do. */
export type TillRequest =
  | { kind: 'open'; setup: TillSetup }
  | { kind: 'ring-up'; items: SaleItem[]; cash: boolean }
  | { kind: 'disconnect' }
  | { kind: 'reconnect' }
  | { kind: 'arm'; fault: PushFault }
  | { kind: 'release' }
  | { kind: 'replay' }
  | { kind: 'pull-storm' }
  | { kind: 'settle'; timeoutMs: number }
  | { kind: 'state' }
  | { kind: 'snapshot' }
  | { kind: 'close' };
