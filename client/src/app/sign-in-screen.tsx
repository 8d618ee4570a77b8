import { useState, type FormEvent } from 'react';

import { errorMessage } from '../session/api-error.ts';
import { Button } from '../ui/button.tsx';
import { appServices } from './app-services.ts';
import { RedirectSignIn } from './redirect-sign-in.tsx';

const DEMO_ACCOUNTS = [
  { email: 'cashier@demo.test', password: 'cashier123', label: 'Cashier' },
  { email: 'manager@demo.test', password: 'manager123', label: 'Manager' },
];

export interface SignInFormProps {
  /** Sales waiting in the current session, if any: another tenant may not take over then. */
  waitingSales: number;
  initialEmail?: string;
  onSignedIn?: () => void;
  showDemoHint: boolean;
}

export function SignInForm({
  waitingSales,
  initialEmail = '',
  onSignedIn,
  showDemoHint,
}: SignInFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await appServices().sessions.signIn({ username: email.trim(), password }, waitingSales);
      onSignedIn?.();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sign-in__form" onSubmit={(event) => void submit(event)}>
      <label className="field">
        <span>Email</span>
        <input
          data-testid="login-email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label className="field">
        <span>Password</span>
        <input
          data-testid="login-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>

      {error && (
        <p className="sign-in__error" role="alert">
          {error}
        </p>
      )}

      <Button data-testid="login-submit" type="submit" variant="primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>

      {showDemoHint && (
        <div className="sign-in__hint">
          <p>Demo accounts</p>
          {DEMO_ACCOUNTS.map((account) => (
            <button
              key={account.email}
              type="button"
              className="sign-in__demo"
              onClick={() => {
                setEmail(account.email);
                setPassword(account.password);
              }}
            >
              {account.label}: <code>{account.email}</code> / <code>{account.password}</code>
            </button>
          ))}
        </div>
      )}
    </form>
  );
}

export function SignInScreen({ showDemoHint }: { showDemoHint: boolean }) {
  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <img className="sign-in__logo" src="/icons/icon.svg" alt="" width="56" height="56" />
        <h1>Sign in to the till</h1>
        {appServices().signIn === 'redirect' ? (
          <RedirectSignIn waitingSales={0} showDemoHint={showDemoHint} />
        ) : (
          <SignInForm waitingSales={0} showDemoHint={showDemoHint} />
        )}
      </div>
    </main>
  );
}
