import type http from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * TRUST_PROXY as Express reads its `trust proxy` setting: `true`/`false`, a hop count, or
 * addresses and subnets (`loopback`, `10.0.0.0/8`, comma-separated).
 */
export function trustProxyValue(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * The client's address for a raw request (the WebSocket upgrade), exactly as Express gives `req.ip`
 * for the same TRUST_PROXY: behind a trusted proxy, the address it forwarded, not the proxy's.
 */
export function clientAddressOf(trustProxy: string): (request: http.IncomingMessage) => string {
  const value = trustProxyValue(trustProxy);
  const trust =
    typeof value === 'boolean'
      ? () => value
      : typeof value === 'number'
        ? (_address: string, hop: number) => hop < value
        : proxyaddr.compile(value.split(',').map((part) => part.trim()));
  return (request) => proxyaddr(request, trust);
}
