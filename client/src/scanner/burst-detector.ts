/**
 * Tells a keyboard-wedge scanner from a person typing. A scanner "types" a whole code in a
 * burst of keys a few milliseconds apart and ends it with Enter; people are far slower.
 *
 * Keys are never held back: they reach the focused field as they come, so typing has no lag.
 * Only when Enter closes a burst fast enough is it a scan; the host then takes the burst back
 * out of the field and keeps Enter from it.
 *
 * The test is the burst's average pace, not each gap: a busy main thread can hold single keys
 * back for a while, but it cannot make a person type forty keys a second.
 */

export interface BurstOptions {
  /**
   * A pause longer than this ends a burst; the next key starts a new one. Generous, because
   * nothing waits on it: it only bounds a single key that a busy page was slow to take.
   */
  maxGapMs: number;
  /** The most time per key, on average from the first key to Enter, that a scan takes. */
  avgGapMs: number;
  /** Shortest code accepted as a scan; shorter bursts are typing. */
  minLength: number;
}

export const DEFAULT_BURST_OPTIONS: BurstOptions = { maxGapMs: 200, avgGapMs: 40, minLength: 4 };

export interface BurstState {
  /** Characters of the current burst. */
  chars: string;
  startAt: number;
  lastAt: number;
}

export const IDLE: BurstState = {
  chars: '',
  startAt: Number.NEGATIVE_INFINITY,
  lastAt: Number.NEGATIVE_INFINITY,
};

export type BurstInput =
  | { kind: 'char'; char: string; at: number }
  | { kind: 'enter'; at: number }
  /** Any other key, which ends a burst: Backspace, arrows, Tab, a shortcut. */
  | { kind: 'other'; at: number };

export interface BurstDecision {
  /** This key begins a burst: the host notes the focused field as it is before the key. */
  startsBurst: boolean;
  /** A complete scan: the raw code. The host puts the field back and keeps Enter from it. */
  scan: string | null;
}

export interface BurstStep {
  state: BurstState;
  decision: BurstDecision;
}

const PASS: BurstDecision = { startsBurst: false, scan: null };

function continues(state: BurstState, at: number, options: BurstOptions): boolean {
  return state.chars !== '' && at - state.lastAt <= options.maxGapMs;
}

function isScanPace(state: BurstState, at: number, options: BurstOptions): boolean {
  // One gap per character: between the characters, and from the last one to Enter.
  return at - state.startAt <= options.avgGapMs * state.chars.length;
}

export function feedBurst(
  state: BurstState,
  input: BurstInput,
  options: BurstOptions = DEFAULT_BURST_OPTIONS,
): BurstStep {
  switch (input.kind) {
    case 'char': {
      if (continues(state, input.at, options)) {
        return {
          state: { ...state, chars: state.chars + input.char, lastAt: input.at },
          decision: PASS,
        };
      }
      return {
        state: { chars: input.char, startAt: input.at, lastAt: input.at },
        decision: { startsBurst: true, scan: null },
      };
    }

    case 'enter': {
      const scan =
        continues(state, input.at, options) &&
        state.chars.length >= options.minLength &&
        isScanPace(state, input.at, options);
      return { state: IDLE, decision: scan ? { startsBurst: false, scan: state.chars } : PASS };
    }

    case 'other':
      return { state: IDLE, decision: PASS };
  }
}
