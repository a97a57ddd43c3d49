import { randomUUID } from 'node:crypto';
import { testDatabaseTargets } from '@test/database';
import { endsSessions } from '../domain/session-policy';
import type { AccountEvent } from '../domain/account.event';
import { evolve } from '../domain/account.evolve';
import { initialState, type Active } from '../domain/account.state';
import {
  ACCOUNT_ID,
  CLIENT,
  activeAccount,
  failed,
  hoursAfter,
  locked,
  loggedIn,
  mfaEnabled,
  mfaStarted,
  minutesAfter,
  passwordReset,
  staffAccount,
  T0,
} from '../testing/account-mother';
import { accountsTestBed, type AccountsTestBed } from '../testing/accounts-test-bed';
import type { SessionService } from './session.service';

const OTHER_ID = '0b7e6a52-4f4b-4c8e-9d55-2f3a6f0c1a02';

function active(history: AccountEvent[], accountId = ACCOUNT_ID): Active {
  const state = history.reduce(evolve, initialState);
  if (state.status !== 'Active') throw new Error(`expected Active, got ${state.status}`);
  return { ...state, accountId };
}

for (const target of testDatabaseTargets()) {
  describe(`Sessions on ${target.kind}`, () => {
    let bed: AccountsTestBed;
    let sessions: SessionService;
    const customer = () => active([...activeAccount(), loggedIn(minutesAfter(T0, 10))]);

    beforeAll(async () => {
      bed = await accountsTestBed(target);
      sessions = bed.sessions;
    });
    afterAll(async () => bed.dispose());

    it('a token issued for an account authenticates as that account and role', async () => {
      const { accessToken, expiresAt } = await sessions.issue(customer(), T0, CLIENT);

      expect(accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(expiresAt).toEqual(hoursAfter(T0, 1));
      await expect(sessions.authenticate(accessToken, minutesAfter(T0, 1))).resolves.toEqual({
        accountId: ACCOUNT_ID,
        role: 'CUSTOMER',
        mustChangePassword: false,
        mfaEnrolmentRequired: false,
      });
    });

    it('unknown and malformed tokens authenticate nobody', async () => {
      await sessions.issue(customer(), T0, CLIENT);
      const unknown = Buffer.alloc(32, 7).toString('base64url');
      await expect(sessions.authenticate(unknown, T0)).resolves.toBeNull();
      await expect(sessions.authenticate("x' OR 1=1 --", T0)).resolves.toBeNull();
    });

    it('a session ends one hour after issue, by the clock', async () => {
      const { accessToken } = await sessions.issue(customer(), T0, CLIENT);
      const lastMoment = new Date(hoursAfter(T0, 1).getTime() - 1);

      await expect(sessions.authenticate(accessToken, lastMoment)).resolves.not.toBeNull();
      await expect(sessions.authenticate(accessToken, hoursAfter(T0, 1))).resolves.toBeNull();
    });

    it('logout revokes that session only', async () => {
      const first = await sessions.issue(customer(), T0, CLIENT);
      const second = await sessions.issue(customer(), T0, CLIENT);

      await sessions.revoke(first.accessToken, minutesAfter(T0, 5));

      await expect(
        sessions.authenticate(first.accessToken, minutesAfter(T0, 6)),
      ).resolves.toBeNull();
      await expect(
        sessions.authenticate(second.accessToken, minutesAfter(T0, 6)),
      ).resolves.not.toBeNull();
    });

    it('ACC-4: a lock ends every session of the account at once, and no other account’s', async () => {
      const mine = [
        await sessions.issue(customer(), T0, CLIENT),
        await sessions.issue(customer(), T0, '198.51.100.1'),
      ];
      const theirs = await sessions.issue(active(activeAccount(), OTHER_ID), T0, CLIENT);
      const lock = [failed(1), failed(2), failed(3), locked(minutesAfter(T0, 20))];

      for (const event of lock) {
        if (endsSessions(event.type)) await sessions.revokeAll(ACCOUNT_ID, minutesAfter(T0, 20));
      }

      for (const { accessToken } of mine) {
        await expect(sessions.authenticate(accessToken, minutesAfter(T0, 21))).resolves.toBeNull();
      }
      await expect(
        sessions.authenticate(theirs.accessToken, minutesAfter(T0, 21)),
      ).resolves.not.toBeNull();
    });

    it('a password change, reset, unlock and deletion end sessions; a login does not', () => {
      expect(endsSessions('PasswordChanged')).toBe(true);
      expect(endsSessions('PasswordReset')).toBe(true);
      expect(endsSessions('AccountUnlocked')).toBe(true);
      expect(endsSessions('AccountDeletedForInactivity')).toBe(true);
      expect(endsSessions('AccountLocked')).toBe(true);
      expect(endsSessions('LoginSucceeded')).toBe(false);
      expect(endsSessions('LoginFailed')).toBe(false);
    });

    it('revokeAll after a password change leaves no old token usable', async () => {
      const { accessToken } = await sessions.issue(customer(), T0, CLIENT);
      await sessions.revokeAll(ACCOUNT_ID, minutesAfter(T0, 30));
      await expect(sessions.authenticate(accessToken, minutesAfter(T0, 31))).resolves.toBeNull();
    });

    it('ACC-5: a session opened with an initial password says so', async () => {
      const mustChange = active([...activeAccount(), passwordReset(minutesAfter(T0, 10))]);
      const { accessToken } = await sessions.issue(mustChange, T0, CLIENT);
      await expect(sessions.authenticate(accessToken, T0)).resolves.toMatchObject({
        mustChangePassword: true,
      });
    });

    it('ACC-9: a staff session without a second factor is held to enrolling until the factor is on', async () => {
      const staff = active(staffAccount());
      const { accessToken } = await sessions.issue(staff, T0, CLIENT);
      const other = await sessions.issue(customer(), T0, CLIENT);
      await expect(sessions.authenticate(accessToken, T0)).resolves.toMatchObject({
        role: 'OPERATOR',
        mfaEnrolmentRequired: true,
      });
      await sessions.secondFactorEnrolled(staff.accountId);
      await expect(sessions.authenticate(accessToken, T0)).resolves.toMatchObject({
        mfaEnrolmentRequired: false,
      });
      const enrolled = active([...staffAccount(), mfaStarted(T0), mfaEnabled(T0, 1)]);
      const later = await sessions.issue(enrolled, T0, CLIENT);
      await expect(sessions.authenticate(later.accessToken, T0)).resolves.toMatchObject({
        mfaEnrolmentRequired: false,
      });
      await expect(sessions.authenticate(other.accessToken, T0)).resolves.toMatchObject({
        mfaEnrolmentRequired: false,
      });
    });

    it('security stamp: a session a login inserts after a lock ended the others is dead too', async () => {
      const now = hoursAfter(T0, 3);
      const account = customer();
      // The login was decided at revision 4; the lock was recorded at revision 6 and ended the
      // sessions; the login's session arrives only then.
      const before = await sessions.issue(account, now, CLIENT, 4);
      await sessions.revokeAll(account.accountId, now, 6);
      const late = await sessions.issue(account, now, CLIENT, 4);
      expect(await sessions.authenticate(before.accessToken, now)).toBeNull();
      expect(await sessions.authenticate(late.accessToken, now)).toBeNull();
      // A login decided after the lock (an unlock and a new login) is a live session.
      const after = await sessions.issue(account, now, CLIENT, 8);
      expect(await sessions.authenticate(after.accessToken, now)).toMatchObject({
        accountId: account.accountId,
      });
      // A stamp never goes back.
      await sessions.revokeAll(account.accountId, now, 2);
      const another = await sessions.issue(account, now, CLIENT, 9);
      expect(await sessions.authenticate(another.accessToken, now)).not.toBeNull();
    });

    it('the scheduled job purges sessions past their lifetime and keeps live ones', async () => {
      const issuedAt = hoursAfter(T0, 10);
      const account = active([...activeAccount()], randomUUID());
      const old = await sessions.issue(account, issuedAt, CLIENT);
      const later = hoursAfter(T0, 12);
      const live = await sessions.issue(account, later, CLIENT);
      expect(await sessions.purgeExpired(later)).toBeGreaterThanOrEqual(1);
      const rows: { count: number }[] = await bed.dataSource.query(
        `SELECT count(*)::int AS count FROM "${bed.schema}".sessions WHERE expires_at <= $1`,
        [later],
      );
      expect(rows[0]?.count).toBe(0);
      expect(await sessions.authenticate(old.accessToken, issuedAt)).toBeNull();
      expect(await sessions.authenticate(live.accessToken, later)).not.toBeNull();
    });

    it('stores only the token’s SHA-256, never the token', async () => {
      const tokens = [
        (await sessions.issue(customer(), T0, CLIENT)).accessToken,
        (await sessions.issue(customer(), T0, CLIENT)).accessToken,
      ];
      const rows: { row: string }[] = await bed.dataSource.query(
        `SELECT s::text AS row FROM "${bed.schema}".sessions s`,
      );
      const table = rows.map(({ row }) => row).join('\n');
      for (const token of tokens) {
        expect(table).not.toContain(token);
        expect(table).not.toContain(Buffer.from(token, 'base64url').toString('hex'));
      }
    });
  });
}
