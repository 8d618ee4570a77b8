import { describe, expect, it } from 'vitest';

import type { Authorizer } from '../authz/authorizer.ts';
import { createLogger } from '../observability/logger.ts';
import { apiClient } from '../testing/api-client.ts';
import { buildStaff } from '../testing/build-documents.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { login } from '../testing/test-app.ts';
import { createAuthzSync } from './authz-sync.ts';

/** A backend whose syncs finish when the test says, failing while `failing` is set. */
function controlledBackend() {
  const started: string[] = [];
  const finish: (() => void)[] = [];
  const backend = {
    failing: false,
    started,
    /** Lets the oldest unfinished sync end. */
    release: () => finish.shift()?.(),
    authorizer: {
      check: () => Promise.reject(new Error('not asked here')),
      checkMany: () => Promise.reject(new Error('not asked here')),
      syncTenant: (tenantId: string) => {
        started.push(tenantId);
        const failing = backend.failing;
        return new Promise<void>((resolve, reject) => {
          finish.push(() => (failing ? reject(new Error('permify down')) : resolve()));
        });
      },
    } satisfies Authorizer,
  };
  return backend;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createAuthzSync', () => {
  it('runs one sync of a tenant at a time, and joins requests made while one waits', async () => {
    const backend = controlledBackend();
    const sync = createAuthzSync({
      authorizer: backend.authorizer,
      logger: createLogger('silent'),
    });

    const first = sync.tenantChanged('demo');
    expect(sync.tenantChanged('demo')).toBe(first);
    await tick();
    const second = sync.tenantChanged('demo');
    const third = sync.tenantChanged('demo');
    await tick();
    expect(backend.started).toEqual(['demo']);

    backend.release();
    await first;
    await tick();
    expect(backend.started).toEqual(['demo', 'demo']);
    backend.release();
    await Promise.all([second, third]);
    expect(backend.started).toEqual(['demo', 'demo']);
  });

  it('logs a failure without rejecting, keeps the tenant pending and retries it', async () => {
    const backend = controlledBackend();
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    const sync = createAuthzSync({ authorizer: backend.authorizer, logger, retryMs: 60_000 });

    backend.failing = true;
    const failed = sync.tenantChanged('demo');
    await tick();
    backend.release();
    await expect(failed).resolves.toBeUndefined();
    expect(sync.pending()).toEqual(['demo']);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      msg: 'permission sync failed',
      tenantId: 'demo',
      error: { message: 'permify down' },
    });

    // Another tenant's change retries it (the timer is the next test's).
    backend.failing = false;
    const other = sync.tenantChanged('harbour');
    await tick();
    expect(backend.started).toEqual(['demo', 'demo', 'harbour']);
    backend.release();
    backend.release();
    await other;
    await tick();
    expect(sync.pending()).toEqual([]);
    sync.stop();
  });

  it('retries a pending tenant after retryMs with nothing else happening', async () => {
    const backend = controlledBackend();
    const sync = createAuthzSync({
      authorizer: backend.authorizer,
      logger: createLogger('silent'),
      retryMs: 20,
    });

    backend.failing = true;
    const failed = sync.syncTenants(['demo']);
    await tick();
    backend.release();
    await failed;
    backend.failing = false;
    await new Promise((resolve) => setTimeout(resolve, 60));
    backend.release();
    await tick();

    expect(backend.started).toEqual(['demo', 'demo']);
    expect(sync.pending()).toEqual([]);
    sync.stop();
  });
});

describe('syncing permissions after a push', () => {
  const demo = useDemoApp();

  it('syncs the tenant after staff changes commit, and a failed sync never fails the push', async () => {
    const owner = apiClient(
      demo.t,
      (await login(demo.t.app, 'owner@demo.test', 'owner123')).access_token,
    );
    const synced = () => demo.t.authorizer.synced.length;
    const before = synced();

    demo.t.authorizer.syncFails = true;
    const hired = await owner.push('staff', [buildStaff('staff-new-hire', { roles: ['cashier'] })]);
    const { rows } = await demo.t.db.query(`select id from documents where id = 'staff-new-hire'`);

    expect(hired.body).toEqual({ conflicts: [], rejected: [] });
    expect(rows).toHaveLength(1);
    expect(synced()).toBe(before);

    demo.t.authorizer.syncFails = false;
    await owner.push('customers', [
      {
        id: 'cust-no-sync',
        updatedAt: '2026-01-01T00:00:00.000Z',
        _deleted: false,
        name: 'No Sync',
        email: null,
        phone: null,
        mergedInto: null,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    expect(synced()).toBe(before);

    await owner.push('staff', [buildStaff('staff-second-hire', { roles: ['cashier'] })]);
    expect(demo.t.authorizer.synced.slice(before)).toEqual(['demo']);
  });
});
