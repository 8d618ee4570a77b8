import { describe, expect, it } from 'vitest';

import {
  feedBurst,
  IDLE,
  type BurstDecision,
  type BurstInput,
  type BurstState,
} from './burst-detector.ts';

function run(inputs: BurstInput[]): { state: BurstState; decisions: BurstDecision[] } {
  let state = IDLE;
  const decisions: BurstDecision[] = [];

  for (const input of inputs) {
    const step = feedBurst(state, input);
    state = step.state;
    decisions.push(step.decision);
  }

  return { state, decisions };
}

function typed(text: string, start: number, gapMs: number): BurstInput[] {
  return Array.from(text).map((char, i) => ({ kind: 'char', char, at: start + i * gapMs }));
}

function enter(at: number): BurstInput {
  return { kind: 'enter', at };
}

describe('feedBurst', () => {
  it('recognises a fast burst ending in Enter as a scan', () => {
    const { state, decisions } = run([...typed('4006381333931', 1000, 5), enter(1065)]);

    expect(decisions.at(-1)).toEqual({ startsBurst: false, scan: '4006381333931' });
    expect(state).toEqual(IDLE);
  });

  it('marks only the first key of a burst as its start', () => {
    const { decisions } = run(typed('1234', 0, 10));

    expect(decisions.map((d) => d.startsBurst)).toEqual([true, false, false, false]);
  });

  it('treats typing at a person’s pace followed by Enter as typing', () => {
    const { decisions } = run([...typed('1234', 0, 90), enter(360)]);

    expect(decisions.every((d) => d.scan === null)).toBe(true);
  });

  it('treats slow typing as bursts of one key each', () => {
    const { decisions } = run([...typed('1234', 0, 250), enter(1000)]);

    expect(decisions.every((d) => d.scan === null)).toBe(true);
    expect(decisions.map((d) => d.startsBurst)).toEqual([true, true, true, true, false]);
  });

  it('starts a new burst after a long pause', () => {
    const { decisions } = run(typed('ab', 0, 500));

    expect(decisions.map((d) => d.startsBurst)).toEqual([true, true]);
  });

  it('ignores bursts shorter than the minimum length', () => {
    const { decisions } = run([...typed('abc', 0, 5), enter(15)]);

    expect(decisions.at(-1)?.scan).toBeNull();
  });

  it('does not count an Enter that comes long after the burst', () => {
    const { decisions } = run([...typed('12345', 0, 5), enter(500)]);

    expect(decisions.at(-1)?.scan).toBeNull();
  });

  it('tolerates a single slow key when the burst as a whole is fast', () => {
    // A busy main thread delayed one key; the scanner's pace is still far beyond a person's.
    const inputs: BurstInput[] = [
      { kind: 'char', char: '0', at: 0 },
      ...typed('60000000001', 90, 3),
      { kind: 'char', char: '9', at: 200 },
      enter(203),
    ];

    expect(run(inputs).decisions.at(-1)?.scan).toBe('0600000000019');
  });

  it('refuses a burst whose average pace is too slow for a scanner', () => {
    const { decisions } = run([...typed('123456', 0, 45), enter(270)]);

    expect(decisions.at(-1)?.scan).toBeNull();
  });

  it('ends a burst on any other key', () => {
    const { decisions } = run([
      ...typed('abcd', 0, 5),
      { kind: 'other', at: 20 },
      ...typed('efgh', 25, 5),
      enter(45),
    ]);

    expect(decisions.at(-1)?.scan).toBe('efgh');
  });

  it('finds a scan right after some slow typing', () => {
    const { decisions } = run([...typed('milk', 0, 150), ...typed('0123', 2000, 4), enter(2016)]);

    expect(decisions.at(-1)?.scan).toBe('0123');
  });

  it('honours custom options', () => {
    const options = { maxGapMs: 200, avgGapMs: 100, minLength: 8 };
    let state = IDLE;
    for (const input of typed('1234567', 0, 80)) state = feedBurst(state, input, options).state;

    expect(feedBurst(state, enter(560), options).decision.scan).toBeNull();
  });
});
