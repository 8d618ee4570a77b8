/**
 * Operators and tests pin a till to one sync server by setting this localStorage key to one of
 * the server's stream URLs (e.g. `localStorage.setItem('pos.streamUrl', 'http://localhost:8082')`
 * in the browser console, then reload). A URL the server does not list is ignored, so a stale
 * pin cannot point the till at a server that is gone from the configuration.
 */
export const STREAM_URL_OVERRIDE_KEY = 'pos.streamUrl';

/** FNV-1a: small, stable across browsers and releases, spreads installation ids evenly. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

function readOverride(storage: Storage | null): string | null {
  try {
    return storage?.getItem(STREAM_URL_OVERRIDE_KEY) ?? null;
  } catch {
    return null;
  }
}

const trimmed = (url: string) => url.replace(/\/+$/, '');

/**
 * Where the till opens its event stream, in the order to try them. The gateway cannot stream,
 * so the server names its instances' own URLs; each device picks one by its installation id
 * (spreading tills over instances, and the same one after every reload) and falls back to the
 * next when that one fails. No URLs: the till's own origin serves the stream.
 */
export class StreamEndpoints {
  private readonly urls: readonly string[];
  private index = 0;

  constructor(
    streamUrls: readonly string[] | undefined,
    installationId: string,
    storage: Storage | null = null,
  ) {
    const listed = (streamUrls ?? []).map(trimmed);
    if (listed.length === 0) {
      this.urls = [''];
      return;
    }

    const override = readOverride(storage);
    const pinned = override === null ? -1 : listed.indexOf(trimmed(override));
    const first = pinned >= 0 ? pinned : hash(installationId) % listed.length;
    this.urls = listed.map((_, offset) => listed[(first + offset) % listed.length] ?? '');
  }

  /** The base URL to stream from now ('' for the till's own origin). */
  current(): string {
    return this.urls[this.index] ?? '';
  }

  /** True when the stream goes to another origin than the till's. */
  crossOrigin(): boolean {
    return this.current() !== '';
  }

  /** The current one failed: the next try goes to the next instance (round the list). */
  failed(): void {
    this.index = (this.index + 1) % this.urls.length;
  }

  streamUrl(): string {
    return `${this.current()}/api/sync/stream`;
  }
}
