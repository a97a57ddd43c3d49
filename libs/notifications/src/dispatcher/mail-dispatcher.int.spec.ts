import { testDatabaseTargets } from '@test/database';
import type { MailTransport } from '../mail/mail-transport.port';
import { SmtpMailTransport } from '../mail/smtp-mail-transport';
import { ManualClock } from '../testing/manual-clock';
import {
  FROM,
  notificationsTestBed,
  type NotificationsTestBed,
} from '../testing/notifications-test-bed';
import { startSmtpTestServer, type SmtpTestServer } from '../testing/smtp-test-server';
import { retryDelayMs, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { initialDelayMs: 60_000, maxDelayMs: 15 * 60_000, maxAttempts: 5 };
const half = (): number => 0.5;

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

for (const target of testDatabaseTargets()) {
  describe(`mail dispatcher on ${target.kind}`, () => {
    let bed: NotificationsTestBed;
    let server: SmtpTestServer;
    let clock: ManualClock;
    const transports: SmtpMailTransport[] = [];
    const transport = (): SmtpMailTransport => {
      const created = new SmtpMailTransport({ url: server.url, timeoutMs: 5000 });
      transports.push(created);
      return created;
    };

    beforeEach(async () => {
      bed = await notificationsTestBed(target);
      server = await startSmtpTestServer();
      clock = new ManualClock();
    });
    afterEach(async () => {
      for (const created of transports.splice(0)) await created.close();
      await server.stop();
      await bed.dispose();
    });

    it('sends the verification mail from the no-reply address with its stable Message-ID (ACC-2, ACC-8); the sent row keeps neither address nor parameters (issue 11 §5)', async () => {
      const request = await bed.verificationRequest('sato@example.jp', 'tok-9f8e7d', clock.now());
      await bed.enqueue(request);
      const dispatcher = bed.dispatcher(transport(), { clock: clock.now });

      expect(await dispatcher.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
      const [mail] = server.received;
      const [row] = await bed.rows();
      expect(mail?.from).toBe(FROM);
      expect(mail?.to).toBe('sato@example.jp');
      expect(mail?.envelopeTo).toEqual(['sato@example.jp']);
      expect(mail?.subject).toBe(
        '【高圧Bルートサービス】新規アカウント登録のメールアドレス確認のお願い',
      );
      expect(mail?.messageId).toBe(row?.message_id);
      expect(mail?.text).toContain('https://b-route.example.jp/verify-email?token=tok-9f8e7d\n');
      expect(mail?.text).toContain('有効期限は30分です');
      expect(row).toMatchObject({
        status: 'sent',
        attempts: 1,
        to_address: null,
        params: null,
        last_error: null,
        template: 'verification-link',
      });
      expect(row?.sent_at?.getTime()).toBe(clock.now().getTime());
      expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(server.received).toHaveLength(1);
    });

    it('retries with backoff while the server refuses with 421, and delivers once when it accepts', async () => {
      await bed.enqueue(await bed.verificationRequest('ito@example.jp', 'tok-1', clock.now()));
      const dispatcher = bed.dispatcher(transport(), {
        clock: clock.now,
        random: half,
        retry: policy,
      });
      server.refusing = true;

      const waits: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
        const [row] = await bed.rows();
        const wait = (row?.next_attempt_at.getTime() ?? 0) - clock.now().getTime();
        waits.push(wait);
        expect(row?.last_error).toMatch(/421|not available/);
        expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
        clock.advance(wait - 1);
        expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
        clock.advance(1);
      }
      expect(waits).toEqual([1, 2, 3].map((n) => retryDelayMs(policy, n, 0.5)));
      expect(waits).toEqual([45_000, 90_000, 180_000]);

      server.refusing = false;
      expect(await dispatcher.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(server.received).toHaveLength(1);
      expect((await bed.rows())[0]).toMatchObject({ status: 'sent', attempts: 4 });
    });

    it('keeps retrying while the server is down, and delivers once after it comes back', async () => {
      await bed.enqueue(await bed.verificationRequest('kato@example.jp', 'tok-2', clock.now()));
      const dispatcher = bed.dispatcher(transport(), {
        clock: clock.now,
        sleep: clock.sleep,
        random: half,
        retry: { ...policy, maxAttempts: 10_000 },
        pollIntervalMs: 30_000,
      });
      await server.stop();
      dispatcher.start();
      await until(async () => ((await bed.rows())[0]?.attempts ?? 0) >= 3);
      expect((await bed.rows())[0]).toMatchObject({ status: 'pending' });

      await server.restart();
      await server.waitForMails(1);
      await until(async () => (await bed.rows())[0]?.status === 'sent');
      await dispatcher.stop();
      expect(server.received).toHaveLength(1);
      expect(server.received[0]?.to).toBe('kato@example.jp');
    });

    it('marks the delivery failed after the last allowed attempt and stops trying', async () => {
      await bed.enqueue(await bed.verificationRequest('abe@example.jp', 'tok-3', clock.now()));
      const dispatcher = bed.dispatcher(transport(), {
        clock: clock.now,
        random: half,
        retry: policy,
      });
      server.refusing = true;
      const outcomes: string[] = [];
      for (let attempt = 1; attempt <= policy.maxAttempts; attempt += 1) {
        const result = await dispatcher.runOnce();
        outcomes.push(result.failed ? 'failed' : 'retried');
        clock.advance(policy.maxDelayMs);
      }
      expect(outcomes).toEqual(['retried', 'retried', 'retried', 'retried', 'failed']);
      server.refusing = false;
      expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect((await bed.rows())[0]).toMatchObject({ status: 'failed', attempts: 5 });
      expect(server.received).toHaveLength(0);
    });

    it('issue 11 §5: keeps a refused recipient’s reason without its address, and erases the address and the secret once it gives up', async () => {
      await bed.enqueue(
        await bed.verificationRequest('unknown.user@example.jp', 'tok-9', clock.now()),
      );
      const dispatcher = bed.dispatcher(transport(), {
        clock: clock.now,
        random: half,
        retry: { ...policy, maxAttempts: 2 },
      });
      server.rejectingRecipients = true;

      expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
      const [retried] = await bed.rows();
      expect(retried?.last_error).toMatch(/550|Recipient address rejected/);
      expect(retried?.last_error).not.toMatch(/unknown\.user|@/);
      expect(retried?.params).not.toBeNull();
      expect(retried?.to_address).toMatch(/^pii:v1:/);

      clock.advance(policy.maxDelayMs);
      expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
      const [failed] = await bed.rows();
      expect(failed).toMatchObject({ status: 'failed', to_address: null, params: null });
      expect(failed?.last_error).not.toMatch(/unknown\.user|@/);
      expect(server.received).toHaveLength(0);
    });

    it('sends again, with the same Message-ID, a mail whose sender died before recording it', async () => {
      await bed.enqueue(await bed.verificationRequest('mori@example.jp', 'tok-4', clock.now()));
      const leaseMs = 5 * 60_000;
      const smtp = transport();
      const doomed = await bed.openDataSource();
      // The process dies right after the server took the mail: its connections go with it.
      const sendThenDie: MailTransport = {
        send: async (message) => {
          await smtp.send(message);
          await doomed.destroy();
        },
        close: async () => undefined,
      };
      const crashed = bed.dispatcher(sendThenDie, {
        dataSource: doomed,
        clock: clock.now,
        leaseMs,
      });
      await expect(crashed.runOnce()).rejects.toThrow();
      expect(server.received).toHaveLength(1);

      const survivor = bed.dispatcher(transport(), { clock: clock.now, leaseMs });
      expect(await survivor.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
      clock.advance(leaseMs);
      expect(await survivor.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
      const [lost, resent] = server.received;
      expect(resent?.messageId).toBe(lost?.messageId);
      expect(resent?.text).toBe(lost?.text);
      expect((await bed.rows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('gives back the rest of a batch once half its lease is used, unattempted', async () => {
      await bed.enqueue(
        await bed.verificationRequest('slow1@example.jp', 'tok-6', clock.now()),
        await bed.verificationRequest('slow2@example.jp', 'tok-7', clock.now()),
      );
      const smtp = transport();
      const leaseMs = 60_000;
      const slow: MailTransport = {
        send: async (message) => {
          await smtp.send(message);
          clock.advance(leaseMs / 2 + 1);
        },
        close: async () => undefined,
      };
      const dispatcher = bed.dispatcher(slow, { clock: clock.now, leaseMs });
      expect(await dispatcher.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect((await bed.rows()).map((row) => [row.status, row.attempts]).sort()).toEqual([
        ['pending', 0],
        ['sent', 1],
      ]);
      expect(await dispatcher.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(server.received).toHaveLength(2);
    });

    it('sends each mail once with two dispatchers on one ledger', async () => {
      const requests = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          bed.verificationRequest(`user${i}@example.jp`, `tok-${i}`, new Date()),
        ),
      );
      await bed.enqueue(...requests);
      const first = bed.dispatcher(transport(), { batchSize: 2, pollIntervalMs: 5 });
      const second = bed.dispatcher(transport(), {
        dataSource: await bed.openDataSource(),
        batchSize: 2,
        pollIntervalMs: 5,
      });
      first.start();
      second.start();
      await server.waitForMails(requests.length);
      await until(async () => (await bed.rows()).every((row) => row.status === 'sent'));
      await Promise.all([first.stop(), second.stop()]);

      const ids = server.received.map((mail) => mail.messageId);
      expect(ids).toHaveLength(requests.length);
      expect(new Set(ids).size).toBe(requests.length);
      expect((await bed.rows()).map((row) => row.attempts)).toEqual(requests.map(() => 1));
    });

    if (target.kind === 'postgres') {
      it('skips rows another dispatcher holds locked instead of waiting (SKIP LOCKED)', async () => {
        const requests = await Promise.all(
          ['a', 'b'].map((name) =>
            bed.verificationRequest(`${name}@example.jp`, name, clock.now()),
          ),
        );
        await bed.enqueue(...requests);
        const other = await bed.openDataSource();
        const holder = other.createQueryRunner();
        await holder.connect();
        await holder.startTransaction();
        const held = await bed.ledger.claimDue(
          holder,
          clock.now(),
          new Date(clock.now().getTime() + 60_000),
          1,
        );
        const mine = await bed.ledger.claimDue(
          bed.dataSource,
          clock.now(),
          new Date(clock.now().getTime() + 60_000),
          10,
        );
        await holder.rollbackTransaction();
        await holder.release();
        expect(held).toHaveLength(1);
        expect(mine.map((row) => row.eventId)).toEqual(
          requests.map((r) => r.eventId).filter((id) => id !== held[0]?.eventId),
        );
      });
    }

    it('does not send to a recipient whose personal data was erased (ACC-7)', async () => {
      const request = await bed.verificationRequest('gone@example.jp', 'tok-5', clock.now());
      await bed.enqueue(request);
      await bed.vault.forget(request.recipient);
      const dispatcher = bed.dispatcher(transport(), { clock: clock.now });
      expect(await dispatcher.runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
      expect(server.received).toHaveLength(0);
      expect((await bed.rows())[0]?.last_error).toMatch(/erased/);
    });
  });
}
