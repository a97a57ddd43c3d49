import { generateSync } from 'otplib';
import { RecoveryCodes, Totp } from './second-factor';

// RFC 6238, appendix B: the SHA-1 key "12345678901234567890" in Base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP and recovery codes (ACC-9)', () => {
  const totp = new Totp();
  const now = new Date('2026-04-01T09:00:10.000Z');
  const step = Math.floor(now.getTime() / 30_000);
  const secret = totp.newSecret();
  const codeAt = (offsetSteps: number) =>
    generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) + offsetSteps * 30 });

  it('ACC-9: RFC 6238 test vector: at T = 59 s the SHA-1 code is …287082, time step 1', () => {
    expect(totp.timeStepOf(RFC_SECRET, '287082', new Date(59_000))).toBe(1);
    expect(totp.timeStepOf(RFC_SECRET, '287083', new Date(59_000))).toBeNull();
  });

  it('ACC-9: clock skew of one step either way is accepted and names its own step; two steps are refused', () => {
    expect(totp.timeStepOf(secret, codeAt(0), now)).toBe(step);
    expect(totp.timeStepOf(secret, codeAt(-1), now)).toBe(step - 1);
    expect(totp.timeStepOf(secret, codeAt(1), now)).toBe(step + 1);
    expect(totp.timeStepOf(secret, codeAt(-2), now)).toBeNull();
    expect(totp.timeStepOf(secret, codeAt(2), now)).toBeNull();
  });

  it('ACC-9: anything but six digits, or an erased secret, matches nothing', () => {
    expect(totp.timeStepOf(secret, `${codeAt(0)}0`, now)).toBeNull();
    expect(totp.timeStepOf(secret, 'abcdef', now)).toBeNull();
    expect(totp.timeStepOf('[erased]', codeAt(0), now)).toBeNull();
  });

  it('ACC-9: the otpauth URI names the issuer, the user ID, SHA-1, 6 digits and 30 s', () => {
    const uri = new URL(totp.uri(secret, 'ops.sato'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/高圧Bルートサービス:ops.sato');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('高圧Bルートサービス');
    expect(uri.searchParams.get('algorithm') ?? 'SHA1').toBe('SHA1');
    expect(uri.searchParams.get('digits') ?? '6').toBe('6');
    expect(uri.searchParams.get('period') ?? '30').toBe('30');
  });

  it('ACC-9: ten distinct readable recovery codes, stored as hashes that ignore case and hyphens', () => {
    const { codes, hashes } = RecoveryCodes.issue();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(hashes).toEqual(codes.map((code) => RecoveryCodes.hashOf(code)));
    const first = codes[0] ?? '';
    expect(RecoveryCodes.hashOf(first.toLowerCase().replace(/-/g, ' '))).toBe(hashes[0]);
    expect(hashes[0]).not.toContain(first);
  });
});
