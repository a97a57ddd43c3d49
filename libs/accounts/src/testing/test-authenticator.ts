import { generateSync } from 'otplib';

const STEP_MS = 30_000;

const START = `mutation StartMfa { startMfaEnrollment { secret otpauthUri } }`;
const CONFIRM = `mutation ConfirmMfa($code: String!) { confirmMfaEnrollment(code: $code) }`;

/** Runs one GraphQL operation with the holder's session; answers `data` or throws its errors. */
type AskGraphql = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

/**
 * An authenticator app for specs (ACC-9). A code is accepted once per time step and one step of
 * skew either way, so it hands out the current step, then the next one, and a recovery code once
 * both are spent: many logins in one 30-second window still get a code each, without sleeping.
 * It never hands out the previous step: that code dies at the next step boundary, and a loaded
 * machine takes long enough from typing a code to the server reading its clock to cross one.
 */
export class TestAuthenticator {
  private lastStep: number;
  private readonly unusedRecoveryCodes: string[];

  constructor(
    readonly secret: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.unusedRecoveryCodes = [];
    this.lastStep = Number.NEGATIVE_INFINITY;
  }

  /** The codes confirmMfaEnrollment answered, used once the TOTP steps in reach are spent. */
  keepRecoveryCodes(codes: readonly string[]): void {
    this.unusedRecoveryCodes.push(...codes);
  }

  /** A code that logs in now: TOTP while an unused step is in reach, else a recovery code. */
  code(): string {
    const now = this.clock().getTime();
    const current = Math.floor(now / STEP_MS);
    const step = Math.max(current, this.lastStep + 1);
    if (step > current + 1) {
      const recovery = this.unusedRecoveryCodes.shift();
      if (recovery === undefined) throw new Error('no unused TOTP step nor recovery code left');
      return recovery;
    }
    this.lastStep = step;
    return generateSync({ secret: this.secret, epoch: (step * STEP_MS + STEP_MS / 2) / 1000 });
  }

  /**
   * startMfaEnrollment and confirmMfaEnrollment on a signed-in session, as the enrolment page
   * does; the session is then no longer held to enrolling.
   */
  static async enrol(ask: AskGraphql, clock?: () => Date): Promise<TestAuthenticator> {
    const started = (await ask(START))['startMfaEnrollment'] as { secret: string };
    const device = new TestAuthenticator(started.secret, clock);
    const codes = (await ask(CONFIRM, { code: device.code() }))['confirmMfaEnrollment'];
    device.keepRecoveryCodes(codes as string[]);
    return device;
  }
}
