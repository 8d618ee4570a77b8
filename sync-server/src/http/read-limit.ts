const LIMIT_DEFAULT = 50;
const LIMIT_MAX = 500;

/** `?limit=` of a list route: a positive integer up to 500, 50 when absent or not a number. */
export function readLimit(raw: string | undefined, fallback = LIMIT_DEFAULT): number {
  const limit = Number(raw);
  if (raw === undefined || !Number.isInteger(limit) || limit < 1) return fallback;
  return Math.min(limit, LIMIT_MAX);
}
