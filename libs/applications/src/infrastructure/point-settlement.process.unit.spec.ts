import {
  CommandRunner,
  commandMetadata,
  type AppendResult,
  type EventStore,
  type JobLock,
  type MultiStreamAppendResult,
  type StreamAppend,
} from '@app/event-sourcing';
import { InMemoryEventStore } from '@app/event-sourcing/testing';
import { MeteringRegistry } from '@app/metering';
import { MeteringPointRepository } from '@app/metering/testing';
import type { ApplicationCommand } from '../domain/application.command';
import {
  minutesAfter,
  operator,
  owner,
  submit,
  supplyPoint,
  T0,
} from '../testing/application-mother';
import { ApplicationCommandRunner } from './application-command-runner';
import { PointSettlementJob, SETTLEMENT_DEADLINE_MS } from './point-settlement.job';
import { PointSettlementProcess } from './point-settlement.process';

const DEADLINE_MS = 10 * 60_000;

/**
 * EventStoreDB's way with several streams, on the in-memory double: the parts go one after the
 * other, and `crashAfter` parts the process "dies" (the rest is never appended).
 */
function oneStreamAtATime(inner: InMemoryEventStore) {
  const control = { crashAfter: Infinity };
  const store: EventStore = Object.assign(Object.create(inner) as EventStore, {
    appendsAtomically: false,
    async appendToStreams(appends: readonly StreamAppend[]): Promise<MultiStreamAppendResult> {
      const streams: AppendResult[] = [];
      for (const [index, { stream, events, expected }] of appends.entries()) {
        if (index >= control.crashAfter) throw new Error('killed between two streams');
        streams.push(await inner.append(stream, events, expected));
      }
      const last = streams.at(-1);
      if (!last) throw new Error('nothing to append');
      return { streams, checkpoint: last.checkpoint, duplicate: false };
    },
  });
  return { store, control };
}

describe('PointSettlementProcess (a store that appends one stream at a time)', () => {
  let inner: InMemoryEventStore;
  let control: { crashAfter: number };
  let registry: MeteringRegistry;
  let applications: ApplicationCommandRunner;
  let settlement: PointSettlementProcess;
  let applicationId = 80_000;

  beforeEach(() => {
    inner = new InMemoryEventStore();
    const sequential = oneStreamAtATime(inner);
    control = sequential.control;
    const runner = new CommandRunner(sequential.store, () => T0);
    registry = new MeteringRegistry(new MeteringPointRepository(sequential.store), runner);
    applications = new ApplicationCommandRunner(runner, registry);
    settlement = new PointSettlementProcess(sequential.store, runner, registry, DEADLINE_MS);
  });

  const run = (id: number, command: ApplicationCommand) =>
    applications.run({
      applicationId: id,
      type: command.type,
      expectedRevision: null,
      metadata: commandMetadata(command.data.actor),
      command: () => command,
    });
  const holder = async () => (await registry.find(supplyPoint.pointId))?.openApplication ?? null;

  it('MTR-2: appends a command’s claims before the application’s events and its releases after them', async () => {
    applicationId += 1;
    await run(applicationId, submit({ applicationId }));
    await run(applicationId, { type: 'StartProcessing', data: { actor: operator } });
    await run(applicationId, { type: 'CompleteApplication', data: { actor: operator } });
    const order = (await inner.readAll()).events.map((e) => `${e.stream.split('-')[0]}:${e.type}`);
    expect(order).toEqual([
      'metering:MeteringPointRecorded',
      'metering:ApplicationClaimedPoint',
      'application:ApplicationSubmitted',
      'application:ProcessingStarted',
      'application:ApplicationCompleted',
      'metering:ApplicationReleasedPoint',
    ]);
    expect(await settlement.settle(minutesAfter(T0, 60))).toEqual([]);
  });

  it('MTR-2: a claim whose application event never appeared is released (ABANDONED) once its deadline passes', async () => {
    applicationId += 1;
    control.crashAfter = 1;
    await expect(run(applicationId, submit({ applicationId }))).rejects.toThrow(/killed/);
    expect(await holder()).toEqual({ applicationId, kind: 'NEW' });
    expect(await inner.readStream(`application-${applicationId}`)).toHaveLength(0);

    expect(await settlement.settle(minutesAfter(T0, 9))).toEqual([]);
    expect(await holder()).not.toBeNull();
    expect(await settlement.settle(minutesAfter(T0, 10))).toEqual([
      { pointId: supplyPoint.pointId, applicationId, outcome: 'ABANDONED' },
    ]);
    expect(await holder()).toBeNull();
    expect((await registry.find(supplyPoint.pointId))?.bRouteState).toBe('NOT_SUBSCRIBED');
    // The point is free for the next application.
    control.crashAfter = Infinity;
    await run(applicationId + 1, submit({ applicationId: applicationId + 1 }));
    expect(await holder()).toEqual({ applicationId: applicationId + 1, kind: 'NEW' });
    applicationId += 1;
  });

  it('OPS-4: a completion whose release never came is finished: the point becomes ACTIVE', async () => {
    applicationId += 1;
    await run(applicationId, submit({ applicationId }));
    await run(applicationId, { type: 'StartProcessing', data: { actor: operator } });
    control.crashAfter = 1;
    await expect(
      run(applicationId, { type: 'CompleteApplication', data: { actor: operator } }),
    ).rejects.toThrow(/killed/);
    expect(await holder()).toEqual({ applicationId, kind: 'NEW' });
    // Finishing needs no deadline: the application's own event says the command happened.
    expect(await settlement.settle(T0)).toEqual([
      { pointId: supplyPoint.pointId, applicationId, outcome: 'COMPLETED' },
    ]);
    expect(await registry.find(supplyPoint.pointId)).toMatchObject({
      bRouteState: 'ACTIVE',
      openApplication: null,
    });
  });

  it('MTR-2: a whole command in flight (claim written, application event not yet) is left alone before the deadline', async () => {
    applicationId += 1;
    control.crashAfter = 1;
    await expect(run(applicationId, submit({ applicationId, actor: owner }))).rejects.toThrow(
      /killed/,
    );
    expect(await settlement.settle(minutesAfter(T0, 1))).toEqual([]);
    expect(await holder()).toEqual({ applicationId, kind: 'NEW' });
  });
});

describe('PointSettlementJob', () => {
  // The job's advisory lock needs a database; here every run may go ahead, as the lock's holder.
  const lockHeld = { runExclusive: <T>(_name: string, work: () => Promise<T>) => work() };

  function jobOn(store: EventStore, registry: MeteringRegistry, now: Date) {
    const runner = new CommandRunner(store, () => now);
    const process = new PointSettlementProcess(store, runner, registry, SETTLEMENT_DEADLINE_MS);
    return new PointSettlementJob(store, lockHeld as unknown as JobLock, process, () => now);
  }

  it('MTR-2: every minute it releases a claim a crash cut off, on a store that appends one stream at a time', async () => {
    const inner = new InMemoryEventStore();
    const { store, control } = oneStreamAtATime(inner);
    const runner = new CommandRunner(store, () => T0);
    const registry = new MeteringRegistry(new MeteringPointRepository(store), runner);
    const applications = new ApplicationCommandRunner(runner, registry);
    control.crashAfter = 1;
    await expect(
      applications.run({
        applicationId: 90_001,
        type: 'SubmitApplication',
        expectedRevision: null,
        metadata: commandMetadata(owner),
        command: () => submit({ applicationId: 90_001 }),
      }),
    ).rejects.toThrow(/killed/);

    expect(await jobOn(store, registry, T0).settleHalfDoneCommands()).toBe(0);
    expect(await jobOn(store, registry, minutesAfter(T0, 10)).settleHalfDoneCommands()).toBe(1);
    expect((await registry.find(supplyPoint.pointId))?.openApplication).toBeNull();
  });

  it('does nothing on a store whose multi-stream appends are atomic (nothing can be half done)', async () => {
    const store = new InMemoryEventStore();
    const registry = new MeteringRegistry(
      new MeteringPointRepository(store),
      new CommandRunner(store, () => T0),
    );
    expect(await jobOn(store, registry, T0).settleHalfDoneCommands()).toBeNull();
  });
});
