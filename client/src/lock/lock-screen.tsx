import { useState } from 'react';

import { appServices } from '../app/app-services.ts';
import { RedirectSignIn } from '../app/redirect-sign-in.tsx';
import { SignInForm } from '../app/sign-in-screen.tsx';
import { useTillSyncStatus } from '../app/use-app-state.ts';
import type { TillApi } from '../data/till-api.ts';
import type { KnownStaff } from '../session/session-manager.ts';
import { PinPad } from './pin-pad.tsx';

import '../sell/till-controls.css';
import './lock-screen.css';

interface LockScreenProps {
  api: TillApi;
  showDemoHint: boolean;
}

const roleLabel = (staff: KnownStaff) =>
  staff.roles.includes('owner') ? 'Owner' : staff.roles.includes('manager') ? 'Manager' : 'Cashier';

/**
 * Who is at the till: staff who signed in on this device pick their name and type their PIN,
 * offline too; anyone else signs in with their account, which needs the network.
 */
export function LockScreen({ api, showDemoHint }: LockScreenProps) {
  const { sessions, signIn } = appServices();
  const status = useTillSyncStatus(api);
  const [known] = useState(() => sessions.knownStaff());
  const [selected, setSelected] = useState<KnownStaff | null>(() =>
    known.length === 1 ? (known[0] ?? null) : null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [signingIn, setSigningIn] = useState(false);

  async function unlock(pin: string): Promise<boolean> {
    if (selected === null) return false;
    setBusy(true);
    setError(null);
    const result = await api.staffPins.check(selected.userId, pin);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return false;
    }
    sessions.switchTo(selected.userId);
    return true;
  }

  return (
    <main className="lock-screen" data-testid="lock-screen">
      <h1>Who is at the till?</h1>
      <p className="lock-screen__note">
        The till is locked. Sales on it keep syncing in the background.
      </p>

      <ul className="lock-screen__staff" aria-label="Staff who signed in on this till">
        {known.map((staff) => (
          <li key={staff.userId}>
            <button
              type="button"
              className={`till-btn lock-screen__person ${selected?.userId === staff.userId ? 'till-btn--selected' : ''}`}
              aria-pressed={selected?.userId === staff.userId}
              data-testid="lock-staff"
              data-user-id={staff.userId}
              onClick={() => {
                setSelected(staff);
                setError(null);
              }}
            >
              <strong>{staff.displayName}</strong>
              <span>{roleLabel(staff)}</span>
            </button>
          </li>
        ))}
      </ul>

      {selected !== null && (
        <PinPad
          key={selected.userId}
          label={`PIN for ${selected.displayName}`}
          busy={busy}
          onSubmit={unlock}
        />
      )}
      {error !== null && (
        <p className="till-error" role="alert" data-testid="lock-error">
          {error}
        </p>
      )}

      <section className="lock-screen__other" aria-label="Sign in with another account">
        {!status.online ? (
          <p data-testid="lock-offline-note">
            Signing in with another account needs the network. Staff listed above can unlock with
            their PIN.
          </p>
        ) : signIn === 'redirect' ? (
          <RedirectSignIn
            waitingSales={status.waiting}
            label="Sign in with another account"
            note="If the sign-in page asks someone else to re-authenticate, choose “Restart login”."
            showDemoHint={false}
          />
        ) : signingIn ? (
          <SignInForm waitingSales={status.waiting} showDemoHint={showDemoHint} />
        ) : (
          <button
            type="button"
            className="till-btn"
            data-testid="lock-other-account"
            onClick={() => setSigningIn(true)}
          >
            Sign in with another account
          </button>
        )}
      </section>
    </main>
  );
}
