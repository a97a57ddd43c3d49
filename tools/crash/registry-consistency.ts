import type { EventStore, RecordedEvent } from '@app/event-sourcing';

/** What the registry and the applications say about each other, read off the events alone. */
export interface ConsistencyReport {
  readonly applications: Readonly<Record<string, number>>;
  readonly heldPoints: number;
  /** Empty when consistent: each names a point and an application that disagree. */
  readonly problems: readonly string[];
}

interface ApplicationFacts {
  status: string;
  points: string[];
}

const OPEN = new Set(['RECEIVED', 'IN_PROGRESS', 'RETURNED']);
const STATUS_AFTER: Record<string, string> = {
  ApplicationSubmitted: 'RECEIVED',
  ProcessingStarted: 'IN_PROGRESS',
  ApplicationReturned: 'RETURNED',
  ApplicationRejected: 'REJECTED',
  ApplicationWithdrawn: 'WITHDRAWN',
  ApplicationCompleted: 'COMPLETED',
};

/**
 * MTR-2 both ways: no point held by an application that is missing or closed, no open
 * application without its claim on each issued point it names, and a completed NEW application's
 * points ACTIVE (OPS-4).
 */
export async function registryConsistency(store: EventStore): Promise<ConsistencyReport> {
  const applications = new Map<string, ApplicationFacts>();
  const holders = new Map<string, string | null>();
  const states = new Map<string, string>();
  for (const event of await everyEvent(store)) {
    const data = event.data as Record<string, unknown>;
    if (event.stream.startsWith('application-')) {
      const id = event.stream.slice('application-'.length);
      const facts = applications.get(id) ?? { status: 'NOT_SUBMITTED', points: [] };
      facts.status = STATUS_AFTER[event.type] ?? facts.status;
      const named = data.meteringPoints as { pointId: string; unissued: boolean }[] | undefined;
      if (named) facts.points = named.filter((p) => !p.unissued).map((p) => p.pointId);
      applications.set(id, facts);
    } else {
      const pointId = event.stream.slice('metering-point-'.length);
      if (event.type === 'ApplicationClaimedPoint')
        holders.set(pointId, String(data.applicationId));
      if (event.type === 'ApplicationReleasedPoint') holders.set(pointId, null);
      if (typeof data.bRouteState === 'string') states.set(pointId, data.bRouteState);
    }
  }
  const problems: string[] = [];
  for (const [pointId, holder] of holders) {
    if (holder === null) continue;
    const status = applications.get(holder)?.status ?? 'MISSING';
    if (!OPEN.has(status))
      problems.push(`point ${pointId} is held by application ${holder}, which is ${status}`);
  }
  const counts: Record<string, number> = {};
  for (const [id, { status, points }] of applications) {
    counts[status] = (counts[status] ?? 0) + 1;
    for (const pointId of points) {
      if (OPEN.has(status) && holders.get(pointId) !== id)
        problems.push(`application ${id} (${status}) does not hold its point ${pointId}`);
      if (status === 'COMPLETED' && states.get(pointId) !== 'ACTIVE')
        problems.push(
          `application ${id} is COMPLETED but point ${pointId} is ${states.get(pointId)}`,
        );
    }
  }
  const heldPoints = [...holders.values()].filter((holder) => holder !== null).length;
  return { applications: counts, heldPoints, problems };
}

async function everyEvent(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const batch = await store.readAll({
      after,
      filter: { streamPrefixes: ['application-', 'metering-point-'] },
    });
    events.push(...batch.events);
    after = batch.checkpoint;
    if (batch.isEnd) return events;
  }
}
