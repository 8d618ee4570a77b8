import type { z } from 'zod';

import { ApiError, NetworkError } from './api-error.ts';

export interface TokenSource {
  /** Read fresh on every request: a refresh in between is picked up at once. */
  accessToken(): string | null;
  /** Refreshes once; resolves true when a new token is there to retry with. */
  refresh(): Promise<boolean>;
  /** Runs before each request: a token about to run out is refreshed first (never throws). */
  beforeRequest?(): Promise<void>;
}

export interface ReachabilityListener {
  reached(): void;
  unreachable(): void;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

const TIMEOUT_MS = 30_000;

/**
 * fetch for the till's API: Bearer token, JSON, the server's error shape, one refresh and
 * retry on 401, and a note to the network monitor on every answer or failure.
 */
export class ApiClient {
  constructor(
    private readonly tokens: TokenSource,
    private readonly reachability?: ReachabilityListener,
    private readonly fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
  ) {}

  async json<S extends z.ZodType>(
    path: string,
    schema: S,
    options: RequestOptions = {},
  ): Promise<z.infer<S>> {
    const response = await this.request(path, options);
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) {
      throw new ApiError(response.status, 'unknown', `Unexpected answer from ${path}`);
    }
    return parsed.data;
  }

  /** A successful response; the body is left to the caller (the event stream reads it). */
  async request(path: string, options: RequestOptions = {}): Promise<Response> {
    await this.tokens.beforeRequest?.();
    let response = await this.send(path, options);
    if (response.status === 401 && (await this.tokens.refresh())) {
      response = await this.send(path, options);
    }
    if (!response.ok) throw await ApiError.fromResponse(response);
    return response;
  }

  private async send(path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const token = this.tokens.accessToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';

    // Streams pass their own signal and stay open; plain requests give up after a while.
    const signal = options.signal ?? AbortSignal.timeout(TIMEOUT_MS);

    try {
      const response = await this.fetchImpl(path, {
        method: options.method ?? 'GET',
        headers,
        signal,
        cache: 'no-store',
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      this.reachability?.reached();
      return response;
    } catch (error) {
      if (options.signal?.aborted) throw error;
      this.reachability?.unreachable();
      throw new NetworkError(undefined, { cause: error });
    }
  }
}
