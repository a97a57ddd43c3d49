import {
  CommandRunner,
  DomainError,
  commandMetadata,
  type Actor,
  type RecordedEvent,
} from '@app/event-sourcing';
import { contextTestDatabase, type ContextTestDatabase } from '@app/event-sourcing/testing';
import { MeteringRegistry } from '@app/metering';
import { MeteringPointRepository } from '@app/metering/testing';
import { testDatabaseTargets } from '@test/database';
import type { ApplicationCommand } from '../domain/application.command';
import type { ApplicationMeteringPoint } from '../domain/application.event';
import { operator, owner, submit, T0 } from '../testing/application-mother';
import { ApplicationCommandRunner } from './application-command-runner';

let nextId = 70_000;
let nextPoint = 0;
/** A fresh issued supply point no other test of this file names. */
function point(): ApplicationMeteringPoint {
  nextPoint += 1;
  return {
    kind: 'SUPPLY',
    pointId: `031011${String(nextPoint).padStart(16, '5')}`,
    unissued: false,
    meterId: 'F146832',
  };
}

/** The transaction a PostgreSQL checkpoint (`xid:position`) was written in. */
const transactionOf = (event: RecordedEvent) => event.checkpoint.split(':')[0];

describe.each(testDatabaseTargets())('ApplicationCommandRunner on $kind', (target) => {
  let database: ContextTestDatabase;
  let runner: ApplicationCommandRunner;

  beforeAll(async () => {
    database = await contextTestDatabase(target, { entities: [], migrations: [] });
    const commands = new CommandRunner(database.store, () => T0);
    runner = new ApplicationCommandRunner(
      commands,
      new MeteringRegistry(new MeteringPointRepository(database.store), commands),
    );
  });
  afterAll(async () => database?.dispose());

  const run = (applicationId: number, actor: Actor, command: ApplicationCommand) =>
    runner.run({
      applicationId,
      type: command.type,
      expectedRevision: null,
      metadata: commandMetadata(actor),
      command: () => command,
    });

  const submitOn = (points: ApplicationMeteringPoint[]) => {
    const applicationId = (nextId += 1);
    return {
      applicationId,
      outcome: run(applicationId, owner, submit({ applicationId, meteringPoints: points })),
    };
  };

  const streamOf = (name: string) => database.store.readStream(name);
  const pointStream = (p: ApplicationMeteringPoint) => streamOf(`metering-point-${p.pointId}`);

  it('MTR-2: a submission and its points’ claims commit in one transaction', async () => {
    const [a, b] = [point(), point()];
    const { applicationId, outcome } = submitOn([a, b]);
    const answered = await outcome;
    const application = await streamOf(`application-${applicationId}`);
    const claims = [...(await pointStream(a)), ...(await pointStream(b))];
    expect(application.map((e) => e.type)).toEqual(['ApplicationSubmitted']);
    expect(claims.map((e) => e.type)).toEqual([
      'MeteringPointRecorded',
      'ApplicationClaimedPoint',
      'MeteringPointRecorded',
      'ApplicationClaimedPoint',
    ]);
    expect(new Set([...application, ...claims].map(transactionOf)).size).toBe(1);
    expect(answered).toMatchObject({ revision: 0, state: { status: 'RECEIVED' } });
    expect(answered.checkpoint).not.toBeNull();
  });

  it('MTR-2: a submission naming a point another application holds writes nothing anywhere', async () => {
    const [free, held] = [point(), point()];
    await submitOn([held]).outcome;
    const { applicationId, outcome } = submitOn([free, held]);
    const refusal = await outcome.catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'CONFLICT',
      reason: 'POINT_TAKEN',
      fields: [{ field: 'meteringPoints[1].pointId', code: 'POINT_TAKEN' }],
    });
    expect(await streamOf(`application-${applicationId}`)).toHaveLength(0);
    expect(await pointStream(free)).toHaveLength(0);
    expect(await pointStream(held)).toHaveLength(2);
  });

  it('MTR-2: of concurrent submissions on one point, exactly one holds it; the others are refused', async () => {
    const shared = point();
    const attempts = Array.from({ length: 4 }, () => submitOn([shared]));
    const outcomes = await Promise.allSettled(attempts.map((a) => a.outcome));
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const o of outcomes)
      if (o.status === 'rejected') expect(o.reason).toMatchObject({ reason: 'POINT_TAKEN' });
    const claims = (await pointStream(shared)).filter((e) => e.type === 'ApplicationClaimedPoint');
    expect(claims).toHaveLength(1);
    const winner = attempts[outcomes.findIndex((o) => o.status === 'fulfilled')];
    expect(claims[0]?.data).toMatchObject({ applicationId: winner?.applicationId });
    for (const attempt of attempts)
      if (attempt !== winner)
        expect(await streamOf(`application-${attempt.applicationId}`)).toHaveLength(0);
  });

  it.each([
    ['CompleteApplication', 'COMPLETED', 'ACTIVE'],
    ['RejectApplication', 'REJECTED', 'NOT_SUBSCRIBED'],
    ['WithdrawApplication', 'WITHDRAWN', 'NOT_SUBSCRIBED'],
  ] as const)(
    'OPS-4: %s releases the points in the same transaction as the application event',
    async (type, outcome, bRouteState) => {
      const p = point();
      const { applicationId, outcome: submitted } = submitOn([p]);
      await submitted;
      if (type === 'CompleteApplication')
        await run(applicationId, operator, { type: 'StartProcessing', data: { actor: operator } });
      const command: ApplicationCommand =
        type === 'CompleteApplication'
          ? { type, data: { actor: operator } }
          : type === 'RejectApplication'
            ? { type, data: { actor: operator, reason: '離島の地点です。' } }
            : { type, data: { actor: owner, reason: null } };
      await run(applicationId, type === 'WithdrawApplication' ? owner : operator, command);
      const last = (await streamOf(`application-${applicationId}`)).at(-1);
      const release = (await pointStream(p)).at(-1);
      expect(release).toMatchObject({
        type: 'ApplicationReleasedPoint',
        data: { applicationId, outcome, bRouteState },
      });
      if (!last || !release) throw new Error('nothing appended');
      expect(transactionOf(release)).toBe(transactionOf(last));
    },
  );

  it('MTR-2: a change that swaps a point claims the new one and releases the old one with it', async () => {
    const [kept, dropped, added] = [point(), point(), point()];
    const { applicationId, outcome } = submitOn([kept, dropped]);
    await outcome;
    await run(applicationId, owner, {
      type: 'ChangeApplication',
      data: { actor: owner, changes: { meteringPoints: [kept, added] } },
    });
    const changed = (await streamOf(`application-${applicationId}`)).at(-1);
    const claim = (await pointStream(added)).at(-1);
    const release = (await pointStream(dropped)).at(-1);
    expect(claim).toMatchObject({ type: 'ApplicationClaimedPoint', data: { applicationId } });
    expect(release).toMatchObject({ type: 'ApplicationReleasedPoint', data: { applicationId } });
    expect(await pointStream(kept)).toHaveLength(2);
    if (!changed || !claim || !release) throw new Error('nothing appended');
    expect(new Set([changed, claim, release].map(transactionOf)).size).toBe(1);
  });
});
