// Types for the tests that start and stop their own Redis.
export const REDIS_SERVER: string;

export interface StartedRedis {
  url: string;
  port: number;
  pid: number | undefined;
  logFile: string;
  stop(): Promise<void>;
}

export function ensureRedis(): Promise<string>;

export function startRedis(options?: {
  port?: number;
  dataDir?: string;
  logFile?: string;
  maxMemory?: string;
  detached?: boolean;
  timeoutMs?: number;
}): Promise<StartedRedis>;

export function waitForPing(
  port: number,
  timeoutMs: number,
  isAlive?: () => boolean,
): Promise<void>;
