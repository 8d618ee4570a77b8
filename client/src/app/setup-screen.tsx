import { Button } from '../ui/button.tsx';

/** A till that never reached its server does not know how to sign in yet. */
export function SetupScreen({ error, onRetry }: { error: string; onRetry: () => void }) {
  return (
    <main className="splash" data-testid="till-setup">
      <p>This till needs the network once to set itself up. Connect it and try again. ({error})</p>
      <Button variant="primary" onClick={onRetry}>
        Try again
      </Button>
    </main>
  );
}
