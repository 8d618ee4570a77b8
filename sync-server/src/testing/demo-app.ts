import { afterAll, beforeAll } from 'vitest';

import { apiClient, type ApiClient } from './api-client.ts';
import { SETUP_TIMEOUT_MS } from './setup-timeout.ts';
import { createTestApp, login, type TestApp } from './test-app.ts';

/** The seeded demo app with its cashier and manager signed in; filled in by beforeAll. */
export interface DemoApp {
  readonly t: TestApp;
  readonly cashierToken: string;
  readonly cashier: ApiClient;
  readonly manager: ApiClient;
}

/**
 * Registers the beforeAll/afterAll that open a fresh demo app (closing it after the suite) and
 * sign in the demo cashier and manager. The returned object's fields are readable from tests
 * and hooks, not while the suite is being collected. `setup` runs once signed in, inside the
 * same beforeAll, for documents a suite needs in place before its tests.
 */
export function useDemoApp(setup?: (demo: DemoApp) => Promise<unknown>): DemoApp {
  let state:
    { t: TestApp; cashierToken: string; cashier: ApiClient; manager: ApiClient } | undefined;
  const ready = () => {
    if (state === undefined) throw new Error('useDemoApp: read before its beforeAll ran');
    return state;
  };
  const demo: DemoApp = {
    get t() {
      return ready().t;
    },
    get cashierToken() {
      return ready().cashierToken;
    },
    get cashier() {
      return ready().cashier;
    },
    get manager() {
      return ready().manager;
    },
  };

  beforeAll(async () => {
    const t = await createTestApp();
    const cashierToken = (await login(t.app, 'cashier@demo.test', 'cashier123')).access_token;
    const managerToken = (await login(t.app, 'manager@demo.test', 'manager123')).access_token;
    state = {
      t,
      cashierToken,
      cashier: apiClient(t, cashierToken),
      manager: apiClient(t, managerToken),
    };
    await setup?.(demo);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await state?.t.close();
  });

  return demo;
}
