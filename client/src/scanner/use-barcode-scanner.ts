import { useEffect, useEffectEvent } from 'react';

import {
  DEFAULT_BURST_OPTIONS,
  feedBurst,
  IDLE,
  type BurstInput,
  type BurstOptions,
  type BurstState,
} from './burst-detector.ts';
import { restoreField, snapshotField, type FieldSnapshot } from './editable-target.ts';

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

function toBurstInput(event: KeyboardEvent): BurstInput | null {
  if (MODIFIER_KEYS.has(event.key)) return null;

  // The event's own time stamp is when the key came in, however late the page gets to it.
  const at = event.timeStamp;
  if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) {
    return { kind: 'other', at };
  }
  if (event.key === 'Enter') return { kind: 'enter', at };
  if (event.key.length === 1) return { kind: 'char', char: event.key, at };
  return { kind: 'other', at };
}

/**
 * Listens for keyboard-wedge scans anywhere on the page, before any field or shortcut sees
 * the closing Enter (capture phase on window), and hands complete codes to `onScan`. What a
 * scan typed into a focused field is taken back out, so it never ends up as search text.
 */
export function useBarcodeScanner(
  onScan: (code: string) => void,
  enabled = true,
  options: BurstOptions = DEFAULT_BURST_OPTIONS,
): void {
  const handleScan = useEffectEvent(onScan);
  const { maxGapMs, avgGapMs, minLength } = options;

  useEffect(() => {
    if (!enabled) return;

    const burstOptions = { maxGapMs, avgGapMs, minLength };
    let state: BurstState = IDLE;
    let snapshot: FieldSnapshot | null = null;

    function onKeyDown(event: KeyboardEvent): void {
      const input = toBurstInput(event);
      if (input === null) return;

      const { state: next, decision } = feedBurst(state, input, burstOptions);
      state = next;

      // Taken before the key's default action types into the field.
      if (decision.startsBurst) snapshot = snapshotField(event.target);

      if (decision.scan !== null) {
        event.preventDefault();
        event.stopPropagation();
        if (snapshot !== null) restoreField(snapshot);
        snapshot = null;
        handleScan(decision.scan);
      }
    }

    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [enabled, maxGapMs, avgGapMs, minLength]);
}
