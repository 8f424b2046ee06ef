/**
 * Whose word on the client's address the service takes (Fastify's trustProxy). By default none:
 * a client could otherwise name any address in X-Forwarded-For and pass every limit.
 */
export type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

/** `--trust-proxy`: off, a hop count, or the proxies' addresses and CIDRs. */
export function trustProxyOf(value: string): TrustProxy {
  const text = value.trim();
  if (text === '' || text === 'off' || text === 'false') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address: string, hop: number) => hop < hops;
  }
  const proxies = text.split(',').map((part) => part.trim());
  const address = /^(?:[\d.]+|[\da-f:]+)(?:\/\d{1,3})?$/i;
  const bad = proxies.find((proxy) => !address.test(proxy));
  if (bad !== undefined) throw new Error(`--trust-proxy: "${bad}" is not an address, a CIDR or a hop count`);
  return proxies;
}
