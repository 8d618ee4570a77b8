let allowed = false;

/** The update flow reloads on purpose; the waiting-sales warning must not stand in its way. */
export function allowUnload(): void {
  allowed = true;
}

/**
 * Warns before the tab closes while sales wait. They are safe in IndexedDB either way, but a
 * closed till cannot send them until it is opened again.
 */
export function guardUnload(waiting: () => number): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (allowed || waiting() === 0) return;
    event.preventDefault();
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
