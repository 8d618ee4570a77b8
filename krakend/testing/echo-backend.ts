import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  backend: string;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface EchoBackend {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Stands in for a sync server: answers every request with what it received, so a test can
 * see exactly which headers and query strings the gateway let through and which instance
 * it picked.
 */
export async function startEchoBackend(name: string): Promise<EchoBackend> {
  const seen: SeenRequest[] = [];
  const server = createServer((request, response) => {
    const record = {
      backend: name,
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
    };
    seen.push(record);
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'echo' });
      response.end(JSON.stringify(record));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
