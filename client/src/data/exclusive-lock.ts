const localChains = new Map<string, Promise<unknown>>();

/**
 * Runs `task` while holding the named lock. In a browser that is a Web Lock, exclusive across
 * every tab and worker of the origin; where Web Locks are missing (Node in tests, very old
 * browsers) it falls back to a queue inside this page.
 */
export function withExclusiveLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks) return locks.request(name, { mode: 'exclusive' }, task) as Promise<T>;

  const previous = localChains.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  localChains.set(name, settled);
  void settled.then(() => {
    if (localChains.get(name) === settled) localChains.delete(name);
  });
  return run;
}
