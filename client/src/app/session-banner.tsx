import { Button } from '../ui/button.tsx';
import { appServices } from './app-services.ts';
import { RedirectSignIn } from './redirect-sign-in.tsx';
import { SignInForm } from './sign-in-screen.tsx';
import { useUiStore } from './ui-store.ts';

export interface SessionBannerProps {
  email: string;
  waitingSales: number;
  showDemoHint: boolean;
}

/**
 * Shown when the server refused to refresh the session. Selling goes on and every sale stays
 * queued on this till; only syncing waits for the cashier to sign in again.
 */
export function SessionBanner({ email, waitingSales, showDemoHint }: SessionBannerProps) {
  const open = useUiStore((state) => state.reauthOpen);
  const setOpen = useUiStore((state) => state.setReauthOpen);

  return (
    <div className="banner banner--warn" role="status" data-testid="session-expired">
      <div className="banner__row">
        <span>
          Your session has expired. Selling goes on and sales are kept on this till; sign in again
          to sync them.
        </span>
        <Button variant="primary" onClick={() => setOpen(!open)}>
          Sign in again
        </Button>
      </div>
      {open && appServices().signIn === 'redirect' && (
        <RedirectSignIn
          waitingSales={waitingSales}
          loginHint={email}
          label="Continue to the sign-in page"
          showDemoHint={showDemoHint}
        />
      )}
      {open && appServices().signIn === 'password' && (
        <SignInForm
          initialEmail={email}
          waitingSales={waitingSales}
          showDemoHint={showDemoHint}
          onSignedIn={() => setOpen(false)}
        />
      )}
    </div>
  );
}
