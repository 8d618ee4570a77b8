import { useSyncExternalStore } from 'react';

import type { SyncStatus, TillApi } from '../data/till-api.ts';
import type { RedirectState, SessionState } from '../session/session-manager.ts';
import { appServices } from './app-services.ts';
import type { RuntimeState } from './runtime-host.ts';

export function useSession(): SessionState {
  const { sessions } = appServices();
  return useSyncExternalStore(
    (listener) => sessions.subscribe(listener),
    () => sessions.state(),
  );
}

export function useRedirectState(): RedirectState {
  const { sessions } = appServices();
  return useSyncExternalStore(
    (listener) => sessions.subscribe(listener),
    () => sessions.redirectState(),
  );
}

export function useRuntime(): RuntimeState {
  const { runtime } = appServices();
  return useSyncExternalStore(
    (listener) => runtime.subscribe(listener),
    () => runtime.current(),
  );
}

export function useTillSyncStatus(api: TillApi): SyncStatus {
  return useSyncExternalStore(
    (listener) => api.subscribeSyncStatus(listener),
    () => api.syncStatus(),
  );
}
