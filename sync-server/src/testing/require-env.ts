/**
 * The URL of a service an integration suite needs. A missing one fails the suite with the
 * variable named instead of skipping it, so a run without the service cannot pass unnoticed.
 */
export function requireEnv(name: string, suite: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} is required for ${suite}: set it to the URL of a running service`);
  }
  return value;
}
