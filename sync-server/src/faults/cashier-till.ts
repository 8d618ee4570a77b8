import { SimulatedTill, type SimulatedTillOptions } from './simulated-till.ts';
import { DEMO_CASHIER } from './till-seller.ts';
import { embeddedTokens } from './token-source.ts';

/** The demo cashier's till on one sync server that issues its own tokens (embedded mode). */
export function embeddedCashierTill(
  url: string,
  options: Partial<Omit<SimulatedTillOptions, 'seller' | 'baseUrl' | 'tokens'>> = {},
): SimulatedTill {
  return new SimulatedTill({
    seller: DEMO_CASHIER,
    baseUrl: () => url,
    tokens: embeddedTokens(() => url, DEMO_CASHIER.username, DEMO_CASHIER.password),
    batchSize: 5,
    ...options,
  });
}
