/** A till clock further than this from the server's gets a warning on screen. */
export const DRIFT_WARNING_MS = 5 * 60 * 1000;

function toMs(instant: Date | string | number): number {
  return instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
}

/** How far the device clock runs ahead of the server (negative when behind), in ms. */
export function clockDriftMs(
  deviceNow: Date | string | number,
  serverNow: Date | string | number,
): number {
  return toMs(deviceNow) - toMs(serverNow);
}

export function hasClockDriftWarning(driftMs: number): boolean {
  return Math.abs(driftMs) > DRIFT_WARNING_MS;
}
