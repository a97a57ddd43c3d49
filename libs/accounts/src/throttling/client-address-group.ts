import { isIPv4, isIPv6 } from 'node:net';

/**
 * The unit a throttle counts: an IPv4 address, or the /64 network of an IPv6 address (one
 * subscriber usually holds a whole /64, and could otherwise take a fresh address per guess).
 * An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) counts as its IPv4 address.
 */
export function throttleGroupOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (isIPv4(address)) return address;
  const withoutZone = address.split('%')[0] ?? address;
  if (!isIPv6(withoutZone)) return address;
  return `${expandIPv6(withoutZone).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  // An embedded IPv4 tail (`::1.2.3.4`) takes two groups.
  const last = right.at(-1) ?? left.at(-1);
  const embeddedV4 = last !== undefined && last.includes('.') ? 1 : 0;
  const missing = 8 - left.length - right.length - embeddedV4;
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  return groups.map((group) =>
    group.includes('.') ? group : String(parseInt(group, 16).toString(16)),
  );
}
