import { DomainError, ErrorCode } from '@app/event-sourcing';
import { parsePointId } from '../domain/point-id';
import { testDatabaseTargets } from '@test/database';
import {
  meteringTestBed,
  operator,
  system,
  type MeteringTestBed,
} from '../testing/metering-test-bed';
import { meteringPointStream } from './metering-point-repository';

const SUPPLY = '0310111234567890123456';
const HYPHENATED = '03-1011-1234-5678-9012-3456';
let serial = 0;

/** A point ID no other test of this file uses. */
function freshPointId(prefix = '031011'): string {
  serial += 1;
  return `${prefix}${String(serial).padStart(16, '7')}`;
}

function pointIdOf(text: string) {
  const parsed = parsePointId(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe.each(testDatabaseTargets())('MeteringRegistry on $kind', (target) => {
  let bed: MeteringTestBed;

  beforeAll(async () => {
    bed = await meteringTestBed(target);
  });
  afterAll(async () => {
    await bed?.dispose();
  });

  it('MTR-1: a point not in the registry is not found; a recorded one is, by any spelling', async () => {
    expect(await bed.registry.find(SUPPLY)).toBeNull();
    await bed.registry.record(
      pointIdOf(SUPPLY),
      { meterId: 'F146832', terminalType: 'HIGH_VOLTAGE_TERMINAL', island: false },
      operator,
    );
    expect(await bed.registry.find(HYPHENATED)).toEqual({
      pointId: SUPPLY,
      kind: 'SUPPLY',
      meterId: 'F146832',
      terminalType: 'HIGH_VOLTAGE_TERMINAL',
      island: false,
      bRouteState: 'NOT_SUBSCRIBED',
      openApplication: null,
    });
    expect(await bed.registry.find('not a point')).toBeNull();
  });

  it('APP-8: find tells an OPTICAL terminal and an island point', async () => {
    const optical = freshPointId();
    const island = freshPointId('031012');
    await bed.registry.record(
      pointIdOf(optical),
      { meterId: null, terminalType: 'OPTICAL', island: false },
      operator,
    );
    await bed.registry.record(
      pointIdOf(island),
      { meterId: 'G000001', terminalType: 'HIGH_VOLTAGE_TERMINAL', island: true },
      operator,
    );
    expect(await bed.registry.find(optical)).toMatchObject({
      terminalType: 'OPTICAL',
      island: false,
    });
    expect(await bed.registry.find(island)).toMatchObject({ kind: 'RECEPTION', island: true });
  });

  it('MTR-2: a NEW claim starts an unknown point (terminal UNKNOWN, not island) and holds it PENDING', async () => {
    const pointId = freshPointId();
    await bed.claim(pointId, { applicationId: 1001, kind: 'NEW', meterId: 'f123456' }, system);
    expect(await bed.registry.find(pointId)).toEqual({
      pointId,
      kind: 'SUPPLY',
      meterId: 'F123456',
      terminalType: 'UNKNOWN',
      island: false,
      bRouteState: 'PENDING',
      openApplication: { applicationId: 1001, kind: 'NEW' },
    });
  });

  it('APP-6: a claim with a malformed meter ID is refused before anything is written', async () => {
    const pointId = freshPointId();
    const refusal = bed.claim(
      pointId,
      { applicationId: 1010, kind: 'NEW', meterId: 'F12' },
      system,
    );
    await expect(refusal).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      fields: [{ field: 'meterId', code: 'INVALID_METER_ID' }],
    });
    expect(await bed.registry.find(pointId)).toBeNull();
  });

  it('MTR-2: another application’s claim is a CONFLICT naming the holder; the same one is a no-op', async () => {
    const pointId = freshPointId();
    await bed.claim(pointId, { applicationId: 1002, kind: 'NEW' }, system);
    await bed.claim(pointId, { applicationId: 1002, kind: 'NEW' }, system);
    const refusal = bed.claim(pointId, { applicationId: 1003, kind: 'TERMINATION' }, system);
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: expect.stringContaining('申込ID: 1002'),
    });
    expect(await bed.store.readStream(meteringPointStream(pointId))).toHaveLength(2);
  });

  it('MTR-2: ACTIVATION claims nothing, even on a held point', async () => {
    const pointId = freshPointId();
    await bed.claim(pointId, { applicationId: 1004, kind: 'ACTIVATION' }, system);
    expect(await bed.registry.find(pointId)).toBeNull();
    await bed.claim(pointId, { applicationId: 1005, kind: 'NEW' }, system);
    await bed.claim(pointId, { applicationId: 1006, kind: 'ACTIVATION' }, system);
    expect((await bed.registry.find(pointId))?.openApplication).toEqual({
      applicationId: 1005,
      kind: 'NEW',
    });
  });

  it.each([
    ['an unknown point', false],
    ['a recorded point', true],
  ])('MTR-2: two concurrent NEW claims on %s: exactly one is accepted', async (_name, known) => {
    const pointId = freshPointId();
    if (known) {
      await bed.registry.record(
        pointIdOf(pointId),
        { meterId: null, terminalType: 'HIGH_VOLTAGE_TERMINAL', island: false },
        operator,
      );
    }
    const outcomes = await Promise.allSettled([
      bed.claim(pointId, { applicationId: 2001, kind: 'NEW' }, system),
      bed.claim(pointId, { applicationId: 2002, kind: 'NEW' }, system),
    ]);
    const accepted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
    );
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: ErrorCode.CONFLICT });
    const events = await bed.store.readStream(meteringPointStream(pointId));
    expect(events.filter((event) => event.type === 'ApplicationClaimedPoint')).toHaveLength(1);
    const winner = (await bed.registry.find(pointId))?.openApplication?.applicationId;
    expect(refused[0]).toMatchObject({ message: expect.stringContaining(`申込ID: ${winner}`) });
  });

  it('MTR-2: an unissued point ID (APP-5) is a placeholder: claims on it hold nothing', async () => {
    const unissued = '03-1011-0000-0000-0000-0000';
    await bed.claim(unissued, { applicationId: 2101, kind: 'NEW' }, system);
    await bed.claim(unissued, { applicationId: 2102, kind: 'NEW' }, system);
    await bed.release(unissued, { applicationId: 2101, kind: 'NEW', outcome: 'COMPLETED' }, system);
    expect(await bed.registry.find(unissued)).toBeNull();
    expect(await bed.store.readStream(meteringPointStream('0310110000000000000000'))).toEqual([]);
  });

  it('MTR-1: an unissued point ID cannot be recorded', async () => {
    const refusal = bed.registry.record(
      pointIdOf('0310120000000000000000'),
      { meterId: null, terminalType: 'OPTICAL', island: false },
      operator,
    );
    await expect(refusal).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      fields: [{ field: 'pointId', code: 'UNISSUED_POINT_ID' }],
    });
  });

  it('OPS-4: completing NEW makes the point ACTIVE; completing TERMINATION makes it TERMINATED', async () => {
    const pointId = freshPointId();
    await bed.claim(pointId, { applicationId: 3001, kind: 'NEW' }, system);
    await bed.release(pointId, { applicationId: 3001, kind: 'NEW', outcome: 'COMPLETED' }, system);
    expect(await bed.registry.find(pointId)).toMatchObject({
      bRouteState: 'ACTIVE',
      openApplication: null,
    });
    await bed.claim(pointId, { applicationId: 3002, kind: 'TERMINATION' }, system);
    expect(await bed.registry.find(pointId)).toMatchObject({ bRouteState: 'ACTIVE' });
    await bed.release(
      pointId,
      { applicationId: 3002, kind: 'TERMINATION', outcome: 'COMPLETED' },
      system,
    );
    expect(await bed.registry.find(pointId)).toMatchObject({
      bRouteState: 'TERMINATED',
      openApplication: null,
    });
  });

  it('OPS-4: a withdrawn NEW application puts the point back as it was and frees it', async () => {
    const pointId = freshPointId();
    await bed.registry.record(
      pointIdOf(pointId),
      { meterId: null, terminalType: 'HIGH_VOLTAGE_TERMINAL', island: false },
      operator,
    );
    await bed.claim(pointId, { applicationId: 4001, kind: 'NEW' }, system);
    expect(await bed.registry.find(pointId)).toMatchObject({ bRouteState: 'PENDING' });
    await bed.release(pointId, { applicationId: 4001, kind: 'NEW', outcome: 'WITHDRAWN' }, system);
    expect(await bed.registry.find(pointId)).toMatchObject({
      bRouteState: 'NOT_SUBSCRIBED',
      openApplication: null,
    });
    await bed.claim(pointId, { applicationId: 4002, kind: 'NEW' }, system);
    expect((await bed.registry.find(pointId))?.openApplication?.applicationId).toBe(4002);
  });

  it('OPS-4: releasing an application that holds nothing, or an ACTIVATION, changes nothing', async () => {
    const pointId = freshPointId();
    await bed.claim(pointId, { applicationId: 5001, kind: 'NEW' }, system);
    await bed.release(pointId, { applicationId: 5002, kind: 'NEW', outcome: 'COMPLETED' }, system);
    await bed.release(
      pointId,
      { applicationId: 5003, kind: 'ACTIVATION', outcome: 'COMPLETED' },
      system,
    );
    await bed.release(
      freshPointId(),
      { applicationId: 5001, kind: 'NEW', outcome: 'WITHDRAWN' },
      system,
    );
    expect(await bed.registry.find(pointId)).toMatchObject({
      bRouteState: 'PENDING',
      openApplication: { applicationId: 5001 },
    });
  });

  it('events carry the actor and the schema version, and chain into an intact stream', async () => {
    const pointId = freshPointId();
    await bed.claim(pointId, { applicationId: 6001, kind: 'NEW' }, system);
    const [first] = await bed.store.readStream(meteringPointStream(pointId));
    expect(first?.metadata).toMatchObject({ actor: system, schemaVersion: 1 });
    expect(await bed.store.verifyStream(meteringPointStream(pointId))).toMatchObject({
      intact: true,
      events: 2,
    });
  });
});
