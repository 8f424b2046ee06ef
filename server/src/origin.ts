import { createHmac, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Where a report came from, as the service keeps it: a keyed hash of the network (an IPv4 /24, an
 * IPv6 /48), never the address. Reporter ids are made by clients, so anyone can make up three;
 * networks are not: a listing needs reporters from as many networks as the flag needs reporters.
 * The key stays on the service, so a stored origin cannot be turned back into a network.
 */
export function originOf(address: string, key: Uint8Array): string {
  return createHmac('sha256', key).update(networkOf(address)).digest('base64url').slice(0, 22);
}

/** The network an address is in: the part one household or one rented server cannot change. */
export function networkOf(address: string): string {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
  const ip = mapped ?? address;
  if (isIPv4(ip)) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(ip)) return `${expand(ip).slice(0, 3).join(':')}::/48`;
  return ip;
}

/** The eight groups of an IPv6 address, `::` filled in. */
function expand(ip: string): string[] {
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}

/** A key for a service that was given none (tests, a first start): origins hash apart per key. */
export const freshOriginKey = () => randomBytes(32);
