import type { AccountEvent, AccountRegistered } from '@app/accounts';
import { LedgerMailSecrets } from '../ledger/ledger-mail-secrets';
import type { RecordedEvent } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import { SmtpMailTransport } from '../mail/smtp-mail-transport';
import { AccountEventMother, minutesAfter, T0 } from '../testing/account-event-mother';
import {
  notificationsTestBed,
  type LedgerRow,
  type NotificationsTestBed,
} from '../testing/notifications-test-bed';
import { startSmtpTestServer } from '../testing/smtp-test-server';
import { accountMailProjection, NEW_ADDRESS_RECIPIENT_SUFFIX } from './account-mail.projection';
import { MailRecipientEntity } from './mail-recipient.entity';

for (const target of testDatabaseTargets()) {
  describe(`account-mail projection on ${target.kind}`, () => {
    let bed: NotificationsTestBed;

    beforeEach(async () => {
      bed = await notificationsTestBed(target);
    });
    afterEach(async () => bed.dispose());

    /** When: the projection applies these recorded events as one batch. */
    async function apply(...events: RecordedEvent[]): Promise<void> {
      const projection = accountMailProjection(bed.ledger);
      await bed.dataSource.transaction((manager) => projection.apply(events, manager));
    }

    function account(
      userId: string,
      recordedBeforeIssue11 = false,
    ): AccountEventMother & { record(event: AccountEvent, at?: Date): RecordedEvent } {
      const mother = new AccountEventMother(bed.vault, userId, recordedBeforeIssue11);
      return Object.assign(mother, {
        record: (event: AccountEvent, at?: Date) => mother.recorded(event, at),
      });
    }

    async function rowsOf(template: string): Promise<LedgerRow[]> {
      return (await bed.rows()).filter((row) => row.template === template);
    }

    it('ACC-2: a registration recorded before issue 11 §5 (token sealed in the event, user ID in the clear) still requests the verification link, address and token as the event sealed them', async () => {
      const sato = account('sato_01', true);
      const registered = sato.record(await sato.registered('sato@example.jp', 'tok-sato'));
      await apply(registered);

      const [row, ...others] = await bed.rows();
      expect(others).toEqual([]);
      const data = registered.data as { contact: { email: string }; verificationToken: string };
      expect(row).toMatchObject({
        event_id: registered.id,
        recipient: sato.accountId,
        template: 'verification-link',
        to_address: data.contact.email,
        params: {
          userId: 'sato_01',
          token: data.verificationToken,
          expiresAt: minutesAfter(T0, 30).toISOString(),
        },
        status: 'pending',
      });
      expect(row?.next_attempt_at).toEqual(T0);
      expect(
        await bed.dataSource
          .getRepository(MailRecipientEntity)
          .findOneBy({ accountId: sato.accountId }),
      ).toEqual({
        accountId: sato.accountId,
        userId: 'sato_01',
        email: data.contact.email,
        name: (registered.data as { contact: { name: string } }).contact.name,
      });
      // Wording: the mail is addressed by name, sealed as the event holds it, opened to send.
      expect(row?.params?.['addressee']).toBe(
        (registered.data as { contact: { name: string } }).contact.name,
      );
    });

    it('ACC-2, ACC-5 (issue 11 §5): events holding only hashes take the secrets handed over for them into the mails, and leave none behind', async () => {
      const secrets = new LedgerMailSecrets(bed.dataSource, bed.ledger);
      const kato = account('kato_01');
      const old = (await kato.registered('kato@example.jp', 'unused')) as AccountRegistered;
      const { verificationToken: _dropped, ...data } = old.data;
      const registered = kato.record({ ...old, data: { ...data, verificationTokenHash: 'h:tok' } });
      const sealedToken = await kato.seal('tok-kato');
      await secrets.handOver({ accountId: kato.accountId, hash: 'h:tok', sealed: sealedToken });
      const reset = (await kato.initialPassword('PasswordReset', 'unused')) as Extract<
        AccountEvent,
        { type: 'PasswordReset' }
      >;
      const { initialPassword: _gone, ...resetData } = reset.data;
      const sealedPassword = await kato.seal('Init-Pass-word-1234');
      await secrets.handOver({ accountId: kato.accountId, hash: 'h:pw', sealed: sealedPassword });
      // A secret whose event never landed: never mailed, and gone with the account (ACC-7).
      await secrets.handOver({ accountId: kato.accountId, hash: 'h:orphan', sealed: sealedToken });

      await apply(
        registered,
        kato.record({ type: 'PasswordReset', data: { ...resetData, initialPasswordHash: 'h:pw' } }),
      );
      expect(JSON.stringify(registered.data)).not.toContain(sealedToken);
      expect((await rowsOf('verification-link'))[0]?.params?.['token']).toBe(sealedToken);
      expect((await rowsOf('initial-password-issued'))[0]?.params?.['initialPassword']).toBe(
        sealedPassword,
      );
      expect(
        await bed.dataSource.query(`SELECT secret_hash FROM "${bed.schema}".mail_secrets`),
      ).toEqual([{ secret_hash: 'h:orphan' }]);

      await apply(
        kato.record({
          type: 'AccountDeletedForInactivity',
          data: {
            accountId: kato.accountId,
            userIdHmac: kato.userIdHmac,
            lastUsedAt: T0.toISOString(),
            deletedAt: T0.toISOString(),
          },
        }),
      );
      expect(await bed.dataSource.query(`SELECT * FROM "${bed.schema}".mail_secrets`)).toEqual([]);
    });

    it('requests each event once per recipient, however often it is applied', async () => {
      const ito = account('ito_01');
      const registered = ito.record(await ito.registered('ito@example.jp', 'tok-ito'));
      const locked = ito.record(ito.locked());
      await apply(registered, locked);
      await apply(locked);
      expect((await bed.rows()).map((row) => row.template).sort()).toEqual([
        'account-locked',
        'verification-link',
      ]);
    });

    it('issue 11 §4: a password change is mailed to the registered address with its time, and nothing of the password', async () => {
      const mori = account('mori_01');
      const registered = await mori.registered('mori@example.jp', 'tok-mori');
      const changedAt = minutesAfter(T0, 5);
      await apply(
        mori.record(registered),
        mori.record(
          {
            type: 'PasswordChanged',
            data: { accountId: mori.accountId, passwordHash: '$argon2id$v=19$secret-hash' },
          },
          changedAt,
        ),
      );

      const address = (registered.data as { contact: { email: string } }).contact.email;
      expect(await rowsOf('password-changed')).toEqual([
        expect.objectContaining({
          to_address: address,
          params: {
            userId: expect.stringMatching(/^pii:v1:/u),
            changedAt: changedAt.toISOString(),
            addressee: expect.stringMatching(/^pii:v1:/u),
          },
        }),
      ]);
      expect(JSON.stringify(await bed.rows())).not.toMatch(/argon2|mori@example/);
    });

    it('ACC-4, ACC-5: lock, unlock and reset go to the registered address; the initial password stays sealed', async () => {
      const kato = account('kato_01');
      const registered = await kato.registered('kato@example.jp', 'tok-kato');
      const unlocked = await kato.initialPassword('AccountUnlocked', 'Init-Kato-1', T0);
      const reset = await kato.initialPassword('PasswordReset', 'Init-Kato-2', T0);
      await apply(
        kato.record(registered),
        kato.record(kato.locked()),
        kato.record(unlocked),
        kato.record(reset),
      );

      const address = (registered.data as { contact: { email: string } }).contact.email;
      expect(await rowsOf('account-locked')).toEqual([
        expect.objectContaining({
          to_address: address,
          params: {
            userId: expect.stringMatching(/^pii:v1:/u),
            addressee: expect.stringMatching(/^pii:v1:/u),
          },
        }),
      ]);
      // Issue 11 §5: the user ID as the event sealed it, opened only to send.
      const [lockMail] = await rowsOf('account-locked');
      expect(await bed.vault.decrypt(String(lockMail?.params?.['userId']))).toBe('kato_01');
      const initial = await rowsOf('initial-password-issued');
      const sealed = (row: LedgerRow): string => String(row.params?.['initialPassword']);
      expect(initial.map(sealed).sort()).toEqual(
        [unlocked, reset]
          .map((event) => (event.data as { initialPassword: string }).initialPassword)
          .sort(),
      );
      expect(initial.map((row) => ({ ...row.params, initialPassword: 'sealed' }))).toEqual([
        {
          userId: expect.stringMatching(/^pii:v1:/u),
          addressee: expect.stringMatching(/^pii:v1:/u),
          initialPassword: 'sealed',
          expiresAt: minutesAfter(T0, 72 * 60).toISOString(),
        },
        {
          userId: expect.stringMatching(/^pii:v1:/u),
          addressee: expect.stringMatching(/^pii:v1:/u),
          initialPassword: 'sealed',
          expiresAt: minutesAfter(T0, 72 * 60).toISOString(),
        },
      ]);
      expect(initial.every((row) => row.to_address === address)).toBe(true);
      expect(JSON.stringify(await bed.rows())).not.toMatch(/Init-Kato|kato@example/);
    });

    it('ACC-6: a changed address hears of it, and so does the new one, which gets the mail from then on', async () => {
      const abe = account('abe_01');
      const registered = await abe.registered('abe@example.jp', 'tok-abe');
      const moved = await abe.contactChanged({ email: 'abe.new@example.jp' });
      const phoned = await abe.contactChanged({ phone: '080-0000-1111' });
      await apply(
        abe.record(registered),
        abe.record(moved),
        abe.record(phoned),
        abe.record(abe.locked()),
      );

      const before = (registered.data as { contact: { email: string } }).contact.email;
      const after = (moved.data as { changed: { email: string } }).changed.email;
      expect(
        (await rowsOf('contact-changed')).map((row) => [row.recipient, row.to_address]).sort(),
      ).toEqual(
        [
          [abe.accountId, before],
          [abe.accountId, after],
          [`${abe.accountId}${NEW_ADDRESS_RECIPIENT_SUFFIX}`, after],
        ].sort(),
      );
      expect((await rowsOf('account-locked')).map((row) => row.to_address)).toEqual([after]);
    });

    it('mails no operator at creation (the CLI shows the password), but does on a reset', async () => {
      const op = account('op_01');
      const created = await op.operatorCreated('op@example.jp');
      await apply(op.record(created));
      expect(await bed.rows()).toEqual([]);

      await apply(op.record(await op.initialPassword('PasswordReset', 'Init-Op-2')));
      expect((await bed.rows()).map((row) => [row.template, row.to_address])).toEqual([
        ['initial-password-issued', (created.data as { contact: { email: string } }).contact.email],
      ]);
    });

    it('ACC-2, ACC-7: a void registration or a deleted account is not mailed again', async () => {
      const mori = account('mori_01');
      const ueda = account('ueda_01');
      await apply(
        mori.record(await mori.registered('mori@example.jp', 'tok-mori')),
        mori.record(mori.expired()),
        ueda.record(await ueda.registered('ueda@example.jp', 'tok-ueda')),
        ueda.record(ueda.deleted()),
        ueda.record(await ueda.initialPassword('PasswordReset', 'Init-Ueda')),
      );
      expect((await bed.rows()).map((row) => row.template)).toEqual([
        'verification-link',
        'verification-link',
      ]);
      expect(await bed.dataSource.getRepository(MailRecipientEntity).count()).toBe(0);
    });

    it('the dispatcher opens what the projection copied: the link reaches the registered address', async () => {
      const server = await startSmtpTestServer();
      const transport = new SmtpMailTransport({ url: server.url, timeoutMs: 5000 });
      try {
        const sano = account('sano_01');
        await apply(sano.record(await sano.registered('sano@example.jp', 'tok-sano-1')));
        expect(await bed.dispatcher(transport).runOnce()).toEqual({
          sent: 1,
          retried: 0,
          failed: 0,
        });
        expect(server.received.map((mail) => [mail.envelopeTo, mail.subject])).toEqual([
          [
            ['sano@example.jp'],
            '【高圧Bルートサービス】新規アカウント登録のメールアドレス確認のお願い',
          ],
        ]);
        expect(server.received[0]?.text).toContain('/verify-email?token=tok-sano-1\n');
      } finally {
        await transport.close();
        await server.stop();
      }
    });
  });
}
