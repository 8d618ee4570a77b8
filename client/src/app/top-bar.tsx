import type { TillApi, TillContext } from '../data/till-api.ts';
import type { ClockDrift } from '../sync/clock-drift.ts';
import { Button } from '../ui/button.tsx';
import { ClockWarning } from './clock-warning.tsx';
import { SyncIndicator } from './sync-indicator.tsx';
import { useUiStore, type Tab } from './ui-store.ts';

const TABS: { id: Tab; label: string }[] = [
  { id: 'sell', label: 'Sell' },
  { id: 'history', label: 'History' },
  { id: 'shift', label: 'Shift' },
];

export interface TopBarProps {
  api: TillApi;
  till: TillContext;
  needsSignIn: boolean;
  clock: ClockDrift;
  onSwitchUser: () => void;
  onSignOut: () => void;
}

export function TopBar({ api, till, needsSignIn, clock, onSwitchUser, onSignOut }: TopBarProps) {
  const tab = useUiStore((state) => state.tab);
  const setTab = useUiStore((state) => state.setTab);

  return (
    <header className="top-bar">
      <div className="top-bar__where" data-testid="till-identity">
        <strong className="top-bar__store">{till.store.name}</strong>
        <span className="top-bar__device">
          {till.device.name} · {till.device.code}
        </span>
      </div>

      <nav className="top-bar__tabs" aria-label="Screens">
        {TABS.map((item) => (
          <button
            key={item.id}
            type="button"
            data-testid={`nav-${item.id}`}
            className={`top-bar__tab ${tab === item.id ? 'top-bar__tab--active' : ''}`}
            aria-current={tab === item.id ? 'page' : undefined}
            onClick={() => setTab(item.id)}
          >
            {item.label}
          </button>
        ))}
      </nav>

      <SyncIndicator api={api} needsSignIn={needsSignIn} timeZone={till.store.timezone} />

      <div className="top-bar__who">
        <span className="top-bar__cashier" data-testid="current-cashier">
          {till.cashier.displayName}
        </span>
        <Button
          variant="ghost"
          className="top-bar__switch"
          data-testid="switch-user"
          title="Lock the till: staff who signed in here unlock it with their PIN"
          onClick={onSwitchUser}
        >
          Switch user
        </Button>
        <Button
          variant="ghost"
          className="top-bar__sign-out"
          data-testid="sign-out"
          onClick={onSignOut}
        >
          Sign out
        </Button>
      </div>

      <ClockWarning clock={clock} />
    </header>
  );
}
