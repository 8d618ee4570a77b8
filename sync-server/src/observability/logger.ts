import type { LogLevel } from '../config.ts';

/** Context carried on every line; messages stay fixed text so logs can be grouped by them. */
export interface LogFields {
  requestId?: string;
  tenantId?: string;
  userId?: string;
  [field: string]: unknown;
}

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export type LogSink = (line: string) => void;

const severity: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** One JSON object per line on stdout (or `sink`), the shape log shippers expect. */
export function createLogger(
  level: LogLevel,
  sink: LogSink = (line) => process.stdout.write(line),
  base: LogFields = {},
): Logger {
  const threshold = severity[level];

  function write(lineLevel: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields) {
    if (severity[lineLevel] < threshold) return;
    const entry = { time: new Date().toISOString(), level: lineLevel, msg: message, ...base };
    sink(`${JSON.stringify({ ...entry, ...fields }, replaceErrors)}\n`);
  }

  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (fields) => createLogger(level, sink, { ...base, ...fields }),
  };
}

export const silentLogger: Logger = createLogger('silent');

/** Errors serialise to nothing by default; keep what helps fix them. */
function replaceErrors(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  return value;
}
