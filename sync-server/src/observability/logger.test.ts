import { describe, expect, it } from 'vitest';

import { createLogger } from './logger.ts';

describe('createLogger', () => {
  it('writes one JSON line per entry, with the context of its children', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));

    logger
      .child({ requestId: 'r-1' })
      .child({ tenantId: 'demo', userId: 'u-1' })
      .info('push applied', {
        rows: 3,
      });

    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'info',
      msg: 'push applied',
      requestId: 'r-1',
      tenantId: 'demo',
      userId: 'u-1',
      rows: 3,
    });
  });

  it('drops entries below its level and keeps what an error needs', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));

    logger.info('request completed');
    logger.error('unhandled error', { error: new Error('boom') });

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'error',
      error: { name: 'Error', message: 'boom', stack: expect.any(String) },
    });
  });
});
