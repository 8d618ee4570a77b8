import { useState, type FormEvent } from 'react';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

interface PinPadProps {
  label: string;
  busy: boolean;
  onSubmit: (pin: string) => Promise<boolean>;
}

/** Digits by touch or keyboard; the PIN is cleared after every try. */
export function PinPad({ label, busy, onSubmit }: PinPadProps) {
  const [pin, setPin] = useState('');

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    const typed = pin;
    setPin('');
    await onSubmit(typed);
  }

  const press = (digit: string) => setPin((current) => (current + digit).slice(0, 8));

  return (
    <form className="pin-pad" onSubmit={(event) => void submit(event)}>
      <label className="till-field">
        {label}
        <input
          className="till-input pin-pad__input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          maxLength={8}
          value={pin}
          data-testid="lock-pin-input"
          onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 8))}
        />
      </label>
      <div className="pin-pad__keys">
        {KEYS.map((digit) => (
          <button key={digit} type="button" className="till-btn" onClick={() => press(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className="till-btn" onClick={() => setPin('')}>
          Clear
        </button>
        <button type="button" className="till-btn" onClick={() => press('0')}>
          0
        </button>
        <button
          type="submit"
          className="till-btn till-btn--primary"
          data-testid="lock-unlock"
          disabled={busy || pin.length < 4}
        >
          {busy ? 'Checking…' : 'Unlock'}
        </button>
      </div>
    </form>
  );
}
