import { describe, expect, it } from 'vitest';

import { MemoryStorage } from '../testing/memory-storage.ts';
import { STREAM_URL_OVERRIDE_KEY, StreamEndpoints } from './stream-endpoints.ts';

const A = 'http://localhost:8081';
const B = 'http://localhost:8082';

describe('StreamEndpoints', () => {
  it('streams from the till’s own origin when the server names no URLs', () => {
    const endpoints = new StreamEndpoints(undefined, 'installation-1');

    expect(endpoints.streamUrl()).toBe('/api/sync/stream');
    endpoints.failed();
    expect(endpoints.streamUrl()).toBe('/api/sync/stream');
    expect(endpoints.crossOrigin()).toBe(false);
  });

  it('picks the same instance for the same installation, and spreads installations', () => {
    const pick = (id: string) => new StreamEndpoints([A, B], id).current();

    expect(pick('installation-1')).toBe(pick('installation-1'));
    const picked = new Set(Array.from({ length: 20 }, (_, i) => pick(`installation-${i}`)));
    expect(picked).toEqual(new Set([A, B]));
  });

  it('falls back to the next instance when one fails, round the list', () => {
    const endpoints = new StreamEndpoints([A, B], 'installation-1');
    const first = endpoints.current();

    endpoints.failed();
    expect(endpoints.current()).not.toBe(first);
    expect(endpoints.streamUrl()).toBe(`${endpoints.current()}/api/sync/stream`);
    endpoints.failed();
    expect(endpoints.current()).toBe(first);
  });

  it('follows a pin in localStorage, but only to a listed instance', () => {
    const storage = new MemoryStorage();
    const unpinned = new StreamEndpoints([A, B], 'installation-1').current();
    const other = unpinned === A ? B : A;

    storage.setItem(STREAM_URL_OVERRIDE_KEY, `${other}/`);
    expect(new StreamEndpoints([A, B], 'installation-1', storage).current()).toBe(other);

    storage.setItem(STREAM_URL_OVERRIDE_KEY, 'http://localhost:9999');
    expect(new StreamEndpoints([A, B], 'installation-1', storage).current()).toBe(unpinned);
  });
});
