import { UpdateBanner } from '../pwa/update-banner.tsx';
import { Button } from '../ui/button.tsx';
import { Toasts } from '../ui/toasts.tsx';
import { appServices } from './app-services.ts';
import { SignInScreen } from './sign-in-screen.tsx';
import { TillShell } from './till-shell.tsx';
import { useRuntime, useSession } from './use-app-state.ts';

function Splash({ text, action }: { text: string; action?: { label: string; run: () => void } }) {
  return (
    <main className="splash" data-testid="till-loading">
      <p>{text}</p>
      {action && (
        <Button variant="primary" onClick={action.run}>
          {action.label}
        </Button>
      )}
    </main>
  );
}

export function App() {
  const session = useSession();
  const runtime = useRuntime();
  const { showDemoHint } = appServices();

  let screen;
  if (session.status === 'signed-out') {
    screen = (
      <>
        <UpdateBanner waitingSales={0} />
        <SignInScreen showDemoHint={showDemoHint} />
      </>
    );
  } else if (runtime.status === 'ready') {
    screen = <TillShell state={session} runtime={runtime.runtime} showDemoHint={showDemoHint} />;
  } else if (runtime.status === 'failed') {
    screen = (
      <Splash
        text={`The till could not open its local data: ${runtime.error}`}
        action={{ label: 'Try again', run: () => window.location.reload() }}
      />
    );
  } else {
    screen = <Splash text="Opening the till…" />;
  }

  return (
    <>
      {screen}
      <Toasts />
    </>
  );
}
