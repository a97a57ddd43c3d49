import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { RECOVERY_CODE_COUNT } from '../domain/mfa.decide';

/** RFC 6238 as every authenticator app reads it: 30-second steps, 6 digits, HMAC-SHA-1. */
const PERIOD_SECONDS = 30;
/** ACC-9: a phone's clock one step ahead or behind still works; two steps do not. */
const TOLERATED_STEPS = 1;
const TOTP_CODE = /^\d{6}$/;

/** Issuer of the authenticator entry unless configured (`MFA_ISSUER`). */
export const DEFAULT_MFA_ISSUER = '高圧Bルートサービス';

/**
 * ACC-9's TOTP through otplib. The secret is 20 random bytes in Base32 (RFC 4226's advice),
 * kept only sealed in the events; this class sees it in the clear for one call at a time.
 */
export class Totp {
  constructor(private readonly issuer: string = DEFAULT_MFA_ISSUER) {}

  newSecret(): string {
    return generateSecret();
  }

  /** The `otpauth://` URI a QR code carries; the label is the user ID. */
  uri(secret: string, userId: string): string {
    return generateURI({ issuer: this.issuer, label: userId, secret });
  }

  /**
   * The time step whose code `code` is, within one step of `now`, or null. Whether that step was
   * already used (a replay) is the domain's decision.
   */
  timeStepOf(secret: string, code: string, now: Date): number | null {
    if (!TOTP_CODE.test(code)) return null;
    try {
      const result = verifySync({
        secret,
        token: code,
        epoch: Math.floor(now.getTime() / 1000),
        epochTolerance: TOLERATED_STEPS * PERIOD_SECONDS,
      });
      return result.valid && 'timeStep' in result ? result.timeStep : null;
    } catch {
      // Not a Base32 secret: an erased one (ACC-7) matches nothing.
      return null;
    }
  }
}

export function isTotpCode(otp: string): boolean {
  return TOTP_CODE.test(otp.trim());
}

// 32 symbols without 0/O and 1/I: five random bits each, twelve of them (60 bits) per code.
const SYMBOLS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 12;

export interface IssuedRecoveryCodes {
  /** Shown once, as `ABCD-EFGH-JKMN`. */
  readonly codes: readonly string[];
  readonly hashes: readonly string[];
}

/**
 * ACC-9's one-time recovery codes: from the CSPRNG, readable, stored only as SHA-256 hashes (a
 * slow hash adds nothing for 60 random bits, which no one can enumerate from a hash).
 */
export const RecoveryCodes = {
  issue(): IssuedRecoveryCodes {
    const codes = new Set<string>();
    while (codes.size < RECOVERY_CODE_COUNT) {
      const symbols = [...randomBytes(CODE_LENGTH)].map((byte) => SYMBOLS[byte & 31]).join('');
      codes.add(symbols.match(/.{4}/g)?.join('-') ?? symbols);
    }
    return { codes: [...codes], hashes: [...codes].map((code) => RecoveryCodes.hashOf(code)) };
  },

  /** As typed: case, spaces and hyphens do not matter. */
  hashOf(typed: string): string {
    const normalized = typed.toUpperCase().replace(/[\s-]/g, '');
    return createHash('sha256').update(normalized, 'utf8').digest('hex');
  },
};
