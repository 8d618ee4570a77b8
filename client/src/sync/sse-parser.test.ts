import { describe, expect, it } from 'vitest';

import { SseParser } from './sse-parser.ts';

describe('SseParser', () => {
  it('yields data of complete events across chunk boundaries', () => {
    const parser = new SseParser();
    expect(parser.feed('data: "RES')).toEqual([]);
    expect(parser.feed('YNC"\n\ndata: {"a":')).toEqual(['"RESYNC"']);
    expect(parser.feed('1}\r\n\r\n')).toEqual(['{"a":1}']);
  });

  it('ignores heartbeat comments and joins multi-line data', () => {
    const parser = new SseParser();
    expect(parser.feed(': heartbeat\n\nevent: x\ndata: one\ndata:two\n\n')).toEqual(['one\ntwo']);
  });
});
