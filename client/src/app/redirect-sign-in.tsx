import { useState } from 'react';

import { errorMessage } from '../session/api-error.ts';
import { Button } from '../ui/button.tsx';
import { appServices } from './app-services.ts';
import { useRedirectState } from './use-app-state.ts';

export interface RedirectSignInProps {
  /** Sales waiting in the current session: another tenant may not take over then. */
  waitingSales: number;
  /** The account to pre-fill when the same person signs in again. */
  loginHint?: string;
  label?: string;
  /** Said before leaving: what the Keycloak page will ask. */
  note?: string;
  showDemoHint: boolean;
}

/** Signing in on Keycloak's page: the till leaves, and is set up when the browser returns. */
export function RedirectSignIn({
  waitingSales,
  loginHint,
  label = 'Sign in',
  note,
  showDemoHint,
}: RedirectSignInProps) {
  const redirect = useRedirectState();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function go(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await appServices().sessions.startRedirectSignIn(waitingSales, loginHint);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  const completing = redirect.status === 'completing';
  const shown = error ?? (redirect.status === 'failed' ? redirect.message : null);

  return (
    <div className="sign-in__form" data-testid="redirect-sign-in">
      {shown !== null && (
        <p className="sign-in__error" role="alert" data-testid="sign-in-error">
          {shown}
        </p>
      )}
      {note !== undefined && <p className="till-hint">{note}</p>}
      <Button
        data-testid="login-redirect"
        variant="primary"
        disabled={busy || completing}
        onClick={() => void go()}
      >
        {completing ? 'Finishing sign-in…' : busy ? 'Opening the sign-in page…' : label}
      </Button>
      {showDemoHint && (
        <div className="sign-in__hint">
          <p>Demo accounts (on the Keycloak page)</p>
          <p>
            <code>cashier@demo.test</code> / <code>cashier123</code>, <code>manager@demo.test</code>{' '}
            / <code>manager123</code>
          </p>
        </div>
      )}
    </div>
  );
}
