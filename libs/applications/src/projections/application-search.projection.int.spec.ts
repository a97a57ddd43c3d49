import { testDatabaseTargets } from '@test/database';
import type { ApplicationEvent } from '../domain/application.event';
import {
  OTHER_CUSTOMER_ID,
  OWNER_ID,
  customer,
  operator,
  otherCustomer,
  owner,
  processingStarted,
  returned,
  submitted,
} from '../testing/application-mother';
import {
  applicationSearchTestBed,
  type ApplicationSearchTestBed,
} from '../testing/application-search-test-bed';
import {
  searchConditions,
  type ApplicationSearchFilter,
} from '../use-cases/search-applications/search-conditions';
import { ApplicationSearchRowEntity } from './application-search-row.entity';

function submittedBy(
  applicationId: number,
  ownerAccountId: string,
  name: string,
  at: string,
): ApplicationEvent {
  const event = submitted(new Date(at));
  if (event.type !== 'ApplicationSubmitted') throw new Error('the mother changed');
  return {
    ...event,
    data: { ...event.data, applicationId, ownerAccountId, customer: { ...customer, name } },
  };
}

function about(applicationId: number, event: ApplicationEvent): ApplicationEvent {
  return { ...event, data: { ...event.data, applicationId } } as ApplicationEvent;
}

for (const target of testDatabaseTargets()) {
  describe(`application-search projection and search SQL on ${target.kind}`, () => {
    let bed: ApplicationSearchTestBed;

    // 2026-04-01 00:00 JST is 2026-03-31T15:00Z: the first two straddle that midnight.
    const applications: [number, string, string, string][] = [
      [101, OWNER_ID, '東京電機工業株式会社', '2026-03-31T14:59:59.999Z'],
      [102, OWNER_ID, 'カブシキガイシャ　ＡＢＣ', '2026-03-31T15:00:00.000Z'],
      [103, OTHER_CUSTOMER_ID, 'ｶﾌﾞｼｷｶﾞｲｼｬ abc 商事', '2026-04-01T14:59:59.999Z'],
      [104, OTHER_CUSTOMER_ID, 'かぶしきがいしゃ北海', '2026-04-01T15:00:00.000Z'],
      [105, OWNER_ID, '100%_でんき', '2026-04-02T03:00:00.000Z'],
    ];

    beforeAll(async () => {
      bed = await applicationSearchTestBed(target);
      for (const [id, ownerId, name, at] of applications) {
        await bed.append(
          submittedBy(id, ownerId, name, at),
          ownerId === OWNER_ID ? owner : otherCustomer,
        );
      }
      await bed.append(
        about(102, processingStarted(new Date('2026-04-01T01:00:00.000Z'))),
        operator,
      );
      await bed.append(
        about(102, returned('確認してください。', new Date('2026-04-01T02:00:00.000Z'))),
        operator,
      );
      await bed.project();
    });
    afterAll(async () => bed?.dispose());

    async function ids(filter: ApplicationSearchFilter, ownerAccountId?: string) {
      const check = searchConditions(filter);
      if (!check.ok) throw new Error(JSON.stringify(check.problems));
      return (await bed.search({ ...check.conditions, ...(ownerAccountId && { ownerAccountId }) }))
        .ids;
    }

    it('folds each stream into one row with the aggregate view, ciphertext kept', async () => {
      const row = await bed.dataSource
        .getRepository(ApplicationSearchRowEntity)
        .findOneByOrFail({ applicationId: 102 });
      expect(row).toMatchObject({
        status: 'RETURNED',
        kind: 'NEW',
        ownerAccountId: OWNER_ID,
        customerName: 'カブシキガイシャ　ＡＢＣ',
        customerNameKey: 'かぶしきがいしゃabc',
        registeredAt: new Date('2026-03-31T15:00:00.000Z'),
        updatedAt: new Date('2026-04-01T02:00:00.000Z'),
        revision: 2,
      });
      expect(row.view).toMatchObject({
        status: 'RETURNED',
        statusReason: '確認してください。',
        customer: { contactName: 'sealed:contactName', phone: 'sealed:customerPhone' },
      });
    });

    it('APP-10: by application ID', async () => {
      expect(await ids({ applicationId: 103 })).toEqual([103]);
      expect(await ids({ applicationId: 999 })).toEqual([]);
    });

    it('APP-10: by registration days in Japan time, across the JST midnight boundaries', async () => {
      expect(await ids({ registeredFrom: '2026-03-31', registeredTo: '2026-03-31' })).toEqual([
        101,
      ]);
      expect(await ids({ registeredFrom: '2026-04-01', registeredTo: '2026-04-01' })).toEqual([
        103, 102,
      ]);
      expect(await ids({ registeredFrom: '2026-04-02' })).toEqual([105, 104]);
      expect(await ids({ registeredTo: '2026-04-01' })).toEqual([103, 102, 101]);
    });

    it('APP-10: by partial name, whatever the width, case or kana of either side', async () => {
      const kabushiki = [104, 103, 102];
      expect(await ids({ customerName: 'かぶしき' })).toEqual(kabushiki);
      expect(await ids({ customerName: 'カブシキ' })).toEqual(kabushiki);
      expect(await ids({ customerName: 'ｶﾌﾞｼｷ' })).toEqual(kabushiki);
      expect(await ids({ customerName: 'ガイシャ　ａｂｃ' })).toEqual([103, 102]);
      expect(await ids({ customerName: 'GAISHA' })).toEqual([]);
      expect(await ids({ customerName: 'ABC' })).toEqual([103, 102]);
      expect(await ids({ customerName: '電機' })).toEqual([101]);
    });

    it('APP-10: LIKE wildcards in a name are matched literally', async () => {
      expect(await ids({ customerName: '%' })).toEqual([105]);
      expect(await ids({ customerName: '_' })).toEqual([105]);
      expect(await ids({ customerName: '0%_で' })).toEqual([105]);
      expect(await ids({ customerName: '1_0' })).toEqual([]);
    });

    it('APP-10: by status and kind, newest first, criteria combined', async () => {
      expect(await ids({ status: 'RETURNED' })).toEqual([102]);
      expect(await ids({ status: 'RECEIVED', customerName: 'かぶしき' })).toEqual([104, 103]);
      expect(await ids({ kind: 'NEW' })).toEqual([105, 104, 103, 102, 101]);
      expect(await ids({ kind: 'TERMINATION' })).toEqual([]);
    });

    it('APP-10: paged x–y of N, newest first', async () => {
      const check = searchConditions({});
      if (!check.ok) throw new Error('no filter is a valid filter');
      expect(await bed.search(check.conditions, { offset: 0, limit: 2 })).toEqual({
        total: 5,
        totalCapped: false,
        ids: [105, 104],
      });
      expect(await bed.search(check.conditions, { offset: 4, limit: 2 })).toEqual({
        total: 5,
        totalCapped: false,
        ids: [101],
      });
    });

    it('APP-10: a customer scope finds only its own', async () => {
      expect(await ids({}, OWNER_ID)).toEqual([105, 102, 101]);
      expect(await ids({ customerName: 'かぶしき' }, OTHER_CUSTOMER_ID)).toEqual([104, 103]);
      expect(await ids({ applicationId: 103 }, OWNER_ID)).toEqual([]);
    });
  });
}
