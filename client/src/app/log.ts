/**
 * The till's only way to write to the console: one place to silence it in tests or send it
 * somewhere later. TODO(#6): ship warnings and errors to the server's log.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const threshold: Level = import.meta.env?.DEV ? 'debug' : 'info';

function write(level: Level, message: string, fields?: Record<string, unknown>): void {
  if (ORDER[level] < ORDER[threshold]) return;
  const sink = globalThis.console;
  const method = level === 'debug' ? sink.debug : sink[level];
  method.call(sink, `[till] ${message}`, ...(fields === undefined ? [] : [fields]));
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};
