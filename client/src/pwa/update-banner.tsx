import { Button } from '../ui/button.tsx';
import { usePwaStore } from './pwa-store.ts';

export function UpdateBanner({ waitingSales }: { waitingSales: number }) {
  const ready = usePwaStore((state) => state.updateReady);
  const apply = usePwaStore((state) => state.applyUpdate);
  if (!ready) return null;

  return (
    <div className="banner banner--info" role="status" data-testid="update-banner">
      <div className="banner__row">
        <span>
          New version available
          {waitingSales > 0 &&
            ` — ${waitingSales} ${waitingSales === 1 ? 'sale is' : 'sales are'} waiting to sync: they are safe on this till and will sync after the update`}
        </span>
        <Button variant="primary" data-testid="update-apply" onClick={apply}>
          Update
        </Button>
      </div>
    </div>
  );
}
