import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Express } from 'express';

/** Answers an upgrade request we won't take with a plain HTTP error and closes the socket. */
export function rejectUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ message });
  const reason =
    status === 404
      ? 'Not Found'
      : status === 401
        ? 'Unauthorized'
        : status === 403
          ? 'Forbidden'
          : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function createHttpServer(app: Express): Server {
  const server = createServer(app);
  // Streams (events, follow logs) stay open for hours; only idle keep-alive sockets time out.
  server.requestTimeout = 0;
  server.headersTimeout = 30_000;
  server.keepAliveTimeout = 65_000;
  server.on('upgrade', (req, socket) => {
    socket.on('error', () => socket.destroy());
    rejectUpgrade(socket, 404, `No websocket route at ${req.url?.split('?')[0] ?? '/'}`);
  });
  return server;
}

/** Stops accepting, ends open streams, and resolves when the server is closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
