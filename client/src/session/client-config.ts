import { clientConfigSchema, type ClientConfig } from '@pos/shared';

import { errorMessage } from './api-error.ts';

export type { ClientConfig, KeycloakClientConfig as KeycloakConfig } from '@pos/shared';

const KEY = 'pos.clientConfig.v1';
const TIMEOUT_MS = 10_000;

export function loadClientConfig(storage: Storage = localStorage): ClientConfig | null {
  const raw = storage.getItem(KEY);
  if (raw === null) return null;
  try {
    const parsed = clientConfigSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveClientConfig(config: ClientConfig, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(config));
}

export async function fetchClientConfig(
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<ClientConfig> {
  const response = await fetchImpl('/api/client-config', {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`The server answered ${response.status}`);
  return clientConfigSchema.parse(await response.json());
}

export type ResolvedClientConfig =
  | {
      ok: true;
      config: ClientConfig;
      /** The network answer, when it differs from the cache. */ changed: Promise<ClientConfig | null>;
    }
  | { ok: false; error: string };

/**
 * The auth mode without waiting on the network when this device knows it already: the cached
 * copy starts the till at once (offline too), and the server's answer, read alongside, is kept
 * for the next start. Only a device that never reached the server has to wait for it.
 */
export async function resolveClientConfig(
  storage: Storage = localStorage,
  fetchImpl?: typeof fetch,
): Promise<ResolvedClientConfig> {
  const cached = loadClientConfig(storage);
  const fresh = fetchClientConfig(fetchImpl).then(
    (config) => {
      saveClientConfig(config, storage);
      return config;
    },
    (error: unknown) => {
      if (cached === null) throw error;
      return null;
    },
  );

  if (cached !== null) {
    const changed = fresh.then((config) =>
      config !== null && JSON.stringify(config) !== JSON.stringify(cached) ? config : null,
    );
    return { ok: true, config: cached, changed };
  }

  try {
    const config = await fresh;
    if (config === null) throw new Error('The server did not say how to sign in');
    return { ok: true, config, changed: Promise.resolve(null) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
