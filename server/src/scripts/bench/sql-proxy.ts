import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that counts the statements clients send: simple queries ('Q')
 * and extended-protocol executions ('E'). It sees what any driver sends, so Kabinet and the peer
 * are counted the same way; the load runs connect directly and never pay for it.
 */
export class StatementCountingProxy {
  private total = 0;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
    server: net.Server,
  ) {
    this.server = server;
  }

  get count(): number {
    return this.total;
  }

  static async start(target: { host: string; port: number }): Promise<StatementCountingProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('proxy did not bind');
    const proxy = new StatementCountingProxy(target, address.port, server);
    server.on('connection', (client) => proxy.relay(client));
    return proxy;
  }

  /** The database URL with host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(client).add(upstream);
    let pending: Buffer = Buffer.alloc(0);
    let startup = true;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      pending = this.scan(
        Buffer.concat([pending, chunk]),
        () => startup,
        (done) => (startup = !done),
      );
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  }

  // Walks whole messages in `buffer`, counts statements, and returns the incomplete tail.
  private scan(
    buffer: Buffer,
    inStartup: () => boolean,
    leaveStartup: (done: boolean) => void,
  ): Buffer {
    let offset = 0;
    for (;;) {
      if (inStartup()) {
        // Untyped: length, then a code; SSL and GSS requests come before the real startup message.
        if (buffer.length - offset < 8) break;
        const length = buffer.readInt32BE(offset);
        if (buffer.length - offset < length) break;
        const code = buffer.readInt32BE(offset + 4);
        if (code !== 80877103 && code !== 80877104) leaveStartup(true);
        offset += length;
        continue;
      }
      if (buffer.length - offset < 5) break;
      const length = buffer.readInt32BE(offset + 1);
      if (buffer.length - offset < length + 1) break;
      const type = String.fromCharCode(buffer[offset] ?? 0);
      if (type === 'Q' || type === 'E') this.total += 1;
      offset += length + 1;
    }
    return buffer.subarray(offset);
  }
}
