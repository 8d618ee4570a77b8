import { useEffect, useMemo, useState } from 'react';

import { HistoryScreen } from '../history/history-screen.tsx';
import { LockScreen } from '../lock/lock-screen.tsx';
import { SellScreen } from '../sell/sell-screen.tsx';
import { ShiftScreen } from '../shift/shift-screen.tsx';
import type { SessionState } from '../session/session-manager.ts';
import { UpdateBanner } from '../pwa/update-banner.tsx';
import { appServices } from './app-services.ts';
import { requestPersistentStorage } from './persist-storage.ts';
import { SessionBanner } from './session-banner.tsx';
import { SyncDetails } from './sync-details.tsx';
import type { TillContext } from '../data/till-api.ts';
import { tillContextOf, type TillRuntime } from './till-runtime.ts';
import { TopBar } from './top-bar.tsx';
import { useUiStore } from './ui-store.ts';
import { guardUnload } from './unload-guard.ts';
import { useTillSyncStatus } from './use-app-state.ts';

export interface TillShellProps {
  state: Extract<SessionState, { status: 'active' }>;
  runtime: TillRuntime;
  showDemoHint: boolean;
}

/** Clearing the catalog stops the till for a moment and re-downloads it: a manager's call. */
function managesTill(till: TillContext): boolean {
  return till.cashier.roles.some((role) => role === 'manager' || role === 'owner');
}

export function TillShell({ state, runtime, showDemoHint }: TillShellProps) {
  const { session } = state;
  const { api } = runtime;
  const till = useMemo(() => tillContextOf(session), [session]);
  const status = useTillSyncStatus(api);
  const tab = useUiStore((ui) => ui.tab);
  const detailsOpen = useUiStore((ui) => ui.syncDetailsOpen);
  const setStorage = useUiStore((ui) => ui.setStorage);
  const [signOutRefused, setSignOutRefused] = useState<string | null>(null);

  useEffect(() => {
    void requestPersistentStorage().then(setStorage);
  }, [setStorage]);

  useEffect(() => guardUnload(() => api.syncStatus().waiting), [api]);

  async function signOut() {
    const result = await appServices().sessions.signOut(api.syncStatus().waiting);
    setSignOutRefused(result.ok ? null : result.reason);
  }

  if (state.locked) {
    return (
      <div className="till">
        <UpdateBanner waitingSales={status.waiting} />
        <LockScreen api={api} showDemoHint={showDemoHint} />
      </div>
    );
  }

  return (
    <div className="till">
      <TopBar
        api={api}
        till={till}
        needsSignIn={state.syncBlocked}
        clock={appServices().clock}
        onSwitchUser={() => appServices().sessions.lock()}
        onSignOut={() => void signOut()}
      />
      <UpdateBanner waitingSales={status.waiting} />
      {/* The refusal is about sales that were waiting; once none are, it no longer holds. */}
      {signOutRefused !== null && status.waiting > 0 && (
        <div className="banner banner--warn" role="alert" data-testid="sign-out-refused">
          <div className="banner__row">
            <span>{signOutRefused}</span>
          </div>
        </div>
      )}
      {state.syncBlocked && (
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
          onClearCatalog={
            managesTill(till) ? () => appServices().runtime.clearCatalog() : undefined
          }
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
