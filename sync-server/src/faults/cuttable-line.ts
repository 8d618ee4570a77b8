import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay between a till and a server, standing in for the shop's network: `open` passes
 * everything, `cut` ends every connection and refuses new ones, `loseAnswers` lets requests
 * reach the server but ends the connection as soon as the answer starts back.
 */
export interface CuttableLine {
  url: string;
  open(): void;
  cut(): void;
  loseAnswers(): void;
  close(): Promise<void>;
}

type Mode = 'open' | 'cut' | 'lose-answers';

export async function startCuttableLine(target: URL): Promise<CuttableLine> {
  let mode: Mode = 'open';
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
  };

  const server = createServer((client) => {
    track(client);
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    const upstream = connect({ host: target.hostname, port: Number(target.port) });
    track(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (mode === 'open') client.write(chunk);
      else {
        upstream.destroy();
        client.destroy();
      }
    });
    upstream.on('end', () => client.end());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');

  return {
    url: `http://127.0.0.1:${address.port}`,
    open: () => {
      mode = 'open';
    },
    cut: () => {
      mode = 'cut';
      cutAll();
    },
    loseAnswers: () => {
      mode = 'lose-answers';
      // Kept-alive connections would otherwise carry on as they were.
      cutAll();
    },
    close: async () => {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
