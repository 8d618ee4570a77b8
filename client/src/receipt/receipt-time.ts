/** The sale's time as the store's clock showed it, whatever the device's time zone. */
export function formatReceiptTime(iso: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  };

  try {
    return new Intl.DateTimeFormat('en-CA', { ...options, timeZone }).format(new Date(iso));
  } catch {
    // An unknown zone name must not stop a receipt from printing.
    return new Intl.DateTimeFormat('en-CA', options).format(new Date(iso));
  }
}
