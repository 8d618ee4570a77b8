import { useEffect, useMemo } from 'react';

import { HistoryScreen } from '../history/history-screen.tsx';
import { SellScreen } from '../sell/sell-screen.tsx';
import { ShiftScreen } from '../shift/shift-screen.tsx';
import type { StoredSession } from '../session/stored-session.ts';
import { UpdateBanner } from '../pwa/update-banner.tsx';
import { showToast } from '../ui/toast-store.ts';
import { appServices } from './app-services.ts';
import { requestPersistentStorage } from './persist-storage.ts';
import { SessionBanner } from './session-banner.tsx';
import { SyncDetails } from './sync-details.tsx';
import { tillContextOf, type TillRuntime } from './till-runtime.ts';
import { TopBar } from './top-bar.tsx';
import { useUiStore } from './ui-store.ts';
import { guardUnload } from './unload-guard.ts';
import { useTillSyncStatus } from './use-app-state.ts';

export interface TillShellProps {
  session: StoredSession;
  runtime: TillRuntime;
  showDemoHint: boolean;
}

export function TillShell({ session, runtime, showDemoHint }: TillShellProps) {
  const { api } = runtime;
  const till = useMemo(() => tillContextOf(session), [session]);
  const status = useTillSyncStatus(api);
  const tab = useUiStore((state) => state.tab);
  const detailsOpen = useUiStore((state) => state.syncDetailsOpen);
  const setStorage = useUiStore((state) => state.setStorage);

  useEffect(() => {
    void requestPersistentStorage().then(setStorage);
  }, [setStorage]);

  useEffect(() => guardUnload(() => api.syncStatus().waiting), [api]);

  async function signOut() {
    const result = await appServices().sessions.signOut(api.syncStatus().waiting);
    if (!result.ok) showToast(result.reason, 'error', 8000);
  }

  return (
    <div className="till">
      <TopBar
        api={api}
        till={till}
        needsSignIn={session.needsSignIn}
        onSignOut={() => void signOut()}
      />
      <UpdateBanner waitingSales={status.waiting} />
      {session.needsSignIn && (
        <SessionBanner
          email={session.me.email}
          waitingSales={status.waiting}
          showDemoHint={showDemoHint}
        />
      )}
      {detailsOpen && (
        <SyncDetails
          api={api}
          timeZone={till.store.timezone}
          onSyncNow={() => runtime.replication.reSync()}
        />
      )}

      <main className="till__screen">
        {tab === 'sell' && <SellScreen api={api} till={till} />}
        {tab === 'history' && <HistoryScreen api={api} till={till} />}
        {tab === 'shift' && <ShiftScreen api={api} till={till} />}
      </main>
    </div>
  );
}
