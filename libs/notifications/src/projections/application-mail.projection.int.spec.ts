import { randomUUID } from 'node:crypto';
import {
  applicationPiiSubject,
  asSealedText,
  type ApplicationEvent,
  type SealedApplicantInfo,
} from '@app/applications';
import type { RecordedEvent } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import { SmtpMailTransport } from '../mail/smtp-mail-transport';
import { notificationsTestBed, type NotificationsTestBed } from '../testing/notifications-test-bed';
import { startSmtpTestServer } from '../testing/smtp-test-server';
import { applicationMailProjection } from './application-mail.projection';

const T0 = new Date('2026-11-26T01:00:00.000Z');
const OWNER = randomUUID();

for (const target of testDatabaseTargets()) {
  describe(`application-mail projection on ${target.kind}`, () => {
    let bed: NotificationsTestBed;
    let revision = 0;

    beforeEach(async () => {
      bed = await notificationsTestBed(target);
    });
    afterEach(async () => bed.dispose());

    async function apply(...events: RecordedEvent[]): Promise<void> {
      const projection = applicationMailProjection(bed.ledger);
      await bed.dataSource.transaction((manager) => projection.apply(events, manager));
    }

    function recorded(event: ApplicationEvent): RecordedEvent {
      revision += 1;
      return {
        id: randomUUID(),
        stream: `application-${event.data.applicationId}`,
        revision,
        position: BigInt(revision),
        checkpoint: `0:${revision}`,
        type: event.type,
        data: event.data,
        metadata: {
          correlationId: randomUUID(),
          causationId: null,
          actor: null,
          occurredAt: T0,
          schemaVersion: 1,
          prevHash: '',
          hash: '',
        },
      };
    }

    async function applicant(applicationId: number, email: string): Promise<SealedApplicantInfo> {
      const seal = async (text: string) =>
        asSealedText(await bed.vault.encrypt(applicationPiiSubject(applicationId), text));
      return {
        company: '株式会社サンプル',
        department: '設備部',
        name: await seal('申込 太郎'),
        phone1: await seal('03-1111-2222'),
        phone2: null,
        email: await seal(email),
        fax: null,
      };
    }

    async function submitted(applicationId: number, email: string): Promise<ApplicationEvent> {
      const seal = async (text: string) =>
        asSealedText(await bed.vault.encrypt(applicationPiiSubject(applicationId), text));
      return {
        type: 'ApplicationSubmitted',
        data: {
          applicationId,
          ownerAccountId: OWNER,
          kind: 'NEW',
          customer: {
            name: '東京工場',
            department: '総務部',
            contactName: await seal('需要 花子'),
            phone: await seal('03-3333-4444'),
          },
          applicant: await applicant(applicationId, email),
          meteringPoints: [
            {
              kind: 'SUPPLY',
              pointId: '0310110000000000000001',
              unissued: false,
              meterId: 'F146832',
            },
          ],
          desiredStartDate: '2026-12-24',
          warnings: [],
          status: 'RECEIVED',
          consentConfirmed: true,
          submittedAt: T0.toISOString(),
        },
      };
    }

    const fact = (applicationId: number) => ({
      applicationId,
      ownerAccountId: OWNER,
      kind: 'NEW' as const,
    });

    it('APP-9: a submission requests the 申込み完了メール to the applicant, as the event sealed the address', async () => {
      const event = await submitted(42006, 'applicant@example.jp');
      const record = recorded(event);
      await apply(record);
      const rows = await bed.rows();
      expect(rows).toEqual([
        expect.objectContaining({
          event_id: record.id,
          recipient: 'application-42006',
          template: 'application-received',
          to_address: (event.data as { applicant: SealedApplicantInfo }).applicant.email,
          // APP-9: the mail repeats the application; Wording: addressed by the sealed name.
          params: expect.objectContaining({
            applicationId: '42006',
            kind: 'NEW',
            addressee: (event.data as { applicant: SealedApplicantInfo }).applicant.name,
          }) as unknown,
        }),
      ]);
      expect(JSON.stringify(rows)).not.toContain('applicant@example.jp');
    });

    it('OPS-3: every change of status is requested, with the reason of a return or rejection', async () => {
      const id = 42007;
      const first = await submitted(id, 'first@example.jp');
      const base = first.data as Extract<
        ApplicationEvent,
        { type: 'ApplicationSubmitted' }
      >['data'];
      const changedApplicant = await applicant(id, 'second@example.jp');
      const events: ApplicationEvent[] = [
        first,
        // A change while RECEIVED keeps the status: no mail, but the new address is used from now on.
        {
          type: 'ApplicationChanged',
          data: {
            ...base,
            applicant: changedApplicant,
            changedSections: ['applicant'],
            previousStatus: 'RECEIVED',
            status: 'RECEIVED',
            resubmitted: false,
            changedAt: T0.toISOString(),
          },
        },
        {
          type: 'ProcessingStarted',
          data: { ...fact(id), status: 'IN_PROGRESS', startedAt: T0.toISOString() },
        },
        {
          type: 'ApplicationReturned',
          data: {
            ...fact(id),
            status: 'RETURNED',
            reason: '需要家名に機種依存文字',
            returnedAt: T0.toISOString(),
          },
        },
        {
          type: 'ApplicationChanged',
          data: {
            ...base,
            applicant: changedApplicant,
            changedSections: ['customer'],
            previousStatus: 'RETURNED',
            status: 'RECEIVED',
            resubmitted: true,
            changedAt: T0.toISOString(),
          },
        },
        {
          type: 'ApplicationRejected',
          data: {
            ...fact(id),
            status: 'REJECTED',
            reason: '通信端末が光通信のため',
            rejectedAt: T0.toISOString(),
          },
        },
      ];
      await apply(...events.map(recorded));

      const rows = await bed.rows();
      const sealed = expect.stringMatching(/^pii:v1:/u) as unknown;
      expect(
        rows.map((row) => [
          row.template,
          row.template === 'application-received'
            ? { applicationId: row.params?.['applicationId'] }
            : row.params,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['application-received', { applicationId: '42007' }],
          [
            'application-status-changed',
            { applicationId: '42007', status: 'IN_PROGRESS', addressee: sealed },
          ],
          [
            'application-status-changed',
            {
              applicationId: '42007',
              status: 'RETURNED',
              reason: '需要家名に機種依存文字',
              addressee: sealed,
            },
          ],
          [
            'application-status-changed',
            { applicationId: '42007', status: 'RECEIVED', addressee: sealed },
          ],
          [
            'application-status-changed',
            {
              applicationId: '42007',
              status: 'REJECTED',
              reason: '通信端末が光通信のため',
              addressee: sealed,
            },
          ],
        ]),
      );
      expect(rows).toHaveLength(5);
      const received = rows.find((row) => row.template === 'application-received');
      expect(received?.to_address).toBe(base.applicant.email);
      const later = rows.filter((row) => row.template === 'application-status-changed');
      expect(later.every((row) => row.to_address === changedApplicant.email)).toBe(true);
    });

    it('OPS-3: a withdrawal and a completion are mailed too, once however often applied', async () => {
      const withdrawn = recorded({
        type: 'ApplicationWithdrawn',
        data: { ...fact(42008), status: 'WITHDRAWN', reason: null, withdrawnAt: T0.toISOString() },
      });
      const completed = recorded({
        type: 'ApplicationCompleted',
        data: {
          ...fact(42009),
          status: 'COMPLETED',
          meteringPoints: [],
          completedAt: T0.toISOString(),
        },
      });
      await apply(
        recorded(await submitted(42008, 'w@example.jp')),
        recorded(await submitted(42009, 'c@example.jp')),
        withdrawn,
        completed,
      );
      await apply(withdrawn, completed);
      const statuses = (await bed.rows())
        .filter((row) => row.template === 'application-status-changed')
        .map((row) => row.params?.['status'])
        .sort();
      expect(statuses).toEqual(['COMPLETED', 'WITHDRAWN']);
    });

    it('the dispatcher sends the 申込み完了メール to the applicant', async () => {
      const server = await startSmtpTestServer();
      const transport = new SmtpMailTransport({ url: server.url, timeoutMs: 5000 });
      try {
        await apply(recorded(await submitted(42010, 'kanryo@example.jp')));
        expect(await bed.dispatcher(transport).runOnce()).toEqual({
          sent: 1,
          retried: 0,
          failed: 0,
        });
        expect(server.received.map((mail) => [mail.envelopeTo, mail.subject])).toEqual([
          [
            ['kanryo@example.jp'],
            '【高圧Bルートサービス】お申込みを受け付けました（申込ID: 42010）',
          ],
        ]);
      } finally {
        await transport.close();
        await server.stop();
      }
    });
  });
}
