/**
 * Runs `task` at most once per `intervalMs`, trailing: a burst of changes (an initial sync
 * writing thousands of products) costs one rebuild per interval instead of one per batch.
 */
export interface ThrottledTask {
  schedule(): void;
  cancel(): void;
}

export function throttledTask(
  task: () => void,
  intervalMs: number | (() => number),
): ThrottledTask {
  const interval = typeof intervalMs === 'number' ? () => intervalMs : intervalMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = 0;

  return {
    schedule() {
      if (timer !== undefined) return;
      const wait = Math.max(0, lastRun + interval() - Date.now());
      timer = setTimeout(() => {
        timer = undefined;
        lastRun = Date.now();
        task();
      }, wait);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
