import { testDatabaseTargets } from '@test/database';
import { parsePointId } from '../domain/point-id';
import {
  PROJECTION_TEST_TIMEOUT_MS,
  meteringTestBed,
  operator,
  system,
  type MeteringTestBed,
} from '../testing/metering-test-bed';
import { MeteringPointRowEntity } from './metering-point-row.entity';

const SUPPLY = '0310119876543210987654';
const RECEPTION = '0310129876543210987654';

function pointIdOf(text: string) {
  const parsed = parsePointId(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe.each(testDatabaseTargets())('metering-points projection on $kind', (target) => {
  let bed: MeteringTestBed;

  beforeAll(async () => {
    bed = await meteringTestBed(target);
  });
  afterAll(async () => {
    await bed?.dispose();
  });

  it(
    'MTR-1: a recorded then corrected point reads back with its latest description',
    async () => {
      await bed.registry.record(
        pointIdOf(SUPPLY),
        { meterId: 'F146832', terminalType: 'UNKNOWN', island: false },
        operator,
      );
      await bed.registry.record(
        pointIdOf(SUPPLY),
        { meterId: null, terminalType: 'OPTICAL', island: true },
        operator,
      );
      await bed.project(SUPPLY);
      expect(await bed.query.byPointId(SUPPLY)).toEqual({
        pointId: SUPPLY,
        kind: 'SUPPLY',
        meterId: 'F146832',
        terminalType: 'OPTICAL',
        island: true,
        bRouteState: 'NOT_SUBSCRIBED',
      });
      expect(await bed.query.byPointId('0310110000000000000001')).toBeNull();
    },
    PROJECTION_TEST_TIMEOUT_MS,
  );

  it(
    'OPS-4: the row follows claims (MTR-2) and releases, and shows the open application',
    async () => {
      const rows = bed.dataSource.getRepository(MeteringPointRowEntity);
      await bed.claim(RECEPTION, { applicationId: 7001, kind: 'NEW', meterId: 'G654321' }, system);
      await bed.project(RECEPTION);
      expect(await rows.findOneBy({ pointId: RECEPTION })).toMatchObject({
        kind: 'RECEPTION',
        meterId: 'G654321',
        terminalType: 'UNKNOWN',
        bRouteState: 'PENDING',
        openApplicationId: 7001,
        openApplicationKind: 'NEW',
      });
      await bed.release(
        RECEPTION,
        { applicationId: 7001, kind: 'NEW', outcome: 'COMPLETED' },
        system,
      );
      await bed.project(RECEPTION);
      expect(await rows.findOneBy({ pointId: RECEPTION })).toMatchObject({
        bRouteState: 'ACTIVE',
        openApplicationId: null,
        openApplicationKind: null,
      });
    },
    PROJECTION_TEST_TIMEOUT_MS,
  );

  it(
    'MTR-1, MTR-2: a batch of several events per point leaves each row as its last event does',
    async () => {
      const stored = '0310115555555555555551';
      const fresh = '0310115555555555555552';
      const rows = bed.dataSource.getRepository(MeteringPointRowEntity);
      const describe = (meterId: string) =>
        ({ meterId, terminalType: 'UNKNOWN', island: false }) as const;
      await bed.registry.record(pointIdOf(stored), describe('F100001'), operator);
      await bed.project(stored);

      // One batch: a claim on a point the table holds, and a point recorded, corrected and claimed.
      await bed.claim(stored, { applicationId: 7101, kind: 'NEW' }, system);
      await bed.registry.record(pointIdOf(fresh), describe('F100002'), operator);
      await bed.registry.record(
        pointIdOf(fresh),
        { meterId: 'F100003', terminalType: 'OPTICAL', island: true },
        operator,
      );
      await bed.claim(fresh, { applicationId: 7102, kind: 'NEW' }, system);
      await bed.project(fresh);

      expect(await rows.findOneBy({ pointId: stored })).toMatchObject({
        meterId: 'F100001',
        bRouteState: 'PENDING',
        openApplicationId: 7101,
        openApplicationKind: 'NEW',
      });
      expect(await rows.findOneBy({ pointId: fresh })).toMatchObject({
        meterId: 'F100003',
        terminalType: 'OPTICAL',
        island: true,
        bRouteState: 'PENDING',
        openApplicationId: 7102,
        openApplicationKind: 'NEW',
      });
    },
    PROJECTION_TEST_TIMEOUT_MS,
  );
});
