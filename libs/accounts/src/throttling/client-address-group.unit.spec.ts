import { throttleGroupOf } from './client-address-group';

describe('throttleGroupOf', () => {
  it('keeps an IPv4 address whole', () => {
    expect(throttleGroupOf('198.51.100.7')).toBe('198.51.100.7');
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(throttleGroupOf('::ffff:198.51.100.7')).toBe('198.51.100.7');
  });

  it('groups IPv6 addresses by their /64, however they are written', () => {
    const group = throttleGroupOf('2001:db8:0:1::1');
    expect(group).toBe('2001:db8:0:1::/64');
    expect(throttleGroupOf('2001:0DB8:0000:0001:ffff:eeee:dddd:cccc')).toBe(group);
    expect(throttleGroupOf('2001:db8::1:0:0:0:7')).toBe(group);
    expect(throttleGroupOf('2001:db8:0:2::1')).not.toBe(group);
  });

  it('expands the loopback and zone-scoped addresses', () => {
    expect(throttleGroupOf('::1')).toBe('0:0:0:0::/64');
    expect(throttleGroupOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
