import {
  deviceSchema,
  meResponseSchema,
  pullResponseSchema,
  storeSchema,
  type Device,
  type MeResponse,
  type Store,
} from '@pos/shared';

import type { ApiClient } from './api-client.ts';

export class NoStoreError extends Error {
  constructor() {
    super('Your account is not assigned to a store yet. Ask a manager to add you to one.');
    this.name = 'NoStoreError';
  }
}

/** Reads the stores the user may see until it finds this one (a tenant has a handful). */
async function fetchStore(client: ApiClient, storeId: string): Promise<Store> {
  let seq = 0;
  for (;;) {
    const page = await client.json(
      `/api/sync/stores/pull?seq=${seq}&limit=1000`,
      pullResponseSchema,
    );
    for (const raw of page.documents) {
      const store = storeSchema.safeParse(raw);
      if (store.success && store.data.id === storeId && !store.data._deleted) return store.data;
    }
    if (page.documents.length === 0 || page.checkpoint === null) break;
    seq = page.checkpoint.seq;
  }
  throw new NoStoreError();
}

export interface SignedInTill {
  me: MeResponse;
  device: Device;
  store: Store;
}

/** After the tokens: who am I, which device is this installation, which store does it sell in. */
export async function loadTillIdentity(
  client: ApiClient,
  installationId: string,
): Promise<SignedInTill> {
  const me = await client.json('/api/me', meResponseSchema);

  // TODO(#6): let a user with several stores choose; the first one is taken for now.
  const storeId = me.storeIds[0];
  if (storeId === undefined) throw new NoStoreError();

  const device = await client.json('/api/devices/claim', deviceSchema, {
    method: 'POST',
    body: { installationId, storeId },
  });
  const store = await fetchStore(client, storeId);

  return { me, device, store };
}
