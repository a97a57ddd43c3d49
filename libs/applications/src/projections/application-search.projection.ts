import type { Projection, RecordedEvent } from '@app/event-sourcing';
import { In, type EntityManager, type Repository } from 'typeorm';
import {
  APPLICATION_EVENT_TYPES,
  APPLICATION_STREAM_PREFIX,
  type ApplicationEvent,
} from '../domain/application.event';
import { evolve } from '../domain/application.evolve';
import {
  initialState,
  isSubmitted,
  type ApplicationState,
  type SubmittedApplication,
} from '../domain/application.state';
import { toApplicationEvent } from '../infrastructure/recorded-application-event';
import {
  ApplicationSearchRowEntity,
  type ApplicationSearchRow,
} from './application-search-row.entity';
import { customerNameGrams, customerNameSearchKey } from './customer-name-search-key';

export const APPLICATION_SEARCH_PROJECTION = 'application-search';

/**
 * Keeps one row per application (APP-10) inside the runner's transaction by folding each event
 * into the stored view with the domain's own `evolve`, so the row is what the aggregate is.
 * Personal fields stay ciphertext: the vault is never called here (on PGlite, awaiting it inside
 * this transaction deadlocks), the query decrypts.
 */
export const applicationSearchProjection: Projection = {
  name: APPLICATION_SEARCH_PROJECTION,
  filter: { streamPrefixes: [APPLICATION_STREAM_PREFIX], types: APPLICATION_EVENT_TYPES },
  entities: [ApplicationSearchRowEntity],
  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    const rows = manager.getRepository(ApplicationSearchRowEntity);
    const applicationEvents = events.map((recorded) => ({
      event: toApplicationEvent(recorded),
      revision: recorded.revision,
    }));
    // One read and one write per batch, not per event: a submission starts from the initial
    // state, so only applications whose first event here is a later one are looked up.
    const stored = await storedViews(rows, applicationEvents);
    const folded = new Map<number, { state: ApplicationState; revision: number }>();
    for (const { event, revision } of applicationEvents) {
      const id = event.data.applicationId;
      const current = folded.get(id)?.state ?? stored.get(id) ?? initialState;
      folded.set(id, { state: evolve(current, event), revision });
    }
    const changed = [...folded.values()].flatMap(({ state, revision }) =>
      isSubmitted(state) ? [rowOf(state, revision)] : [],
    );
    if (changed.length > 0) await rows.upsert(changed, ['applicationId']);
  },
};

async function storedViews(
  rows: Repository<ApplicationSearchRow>,
  events: readonly { readonly event: ApplicationEvent }[],
): Promise<Map<number, ApplicationState>> {
  const firstTypes = new Map<number, ApplicationEvent['type']>();
  for (const { event } of events)
    if (!firstTypes.has(event.data.applicationId))
      firstTypes.set(event.data.applicationId, event.type);
  const ids = [...firstTypes]
    .filter(([, type]) => type !== 'ApplicationSubmitted')
    .map(([id]) => id);
  if (ids.length === 0) return new Map();
  const found = await rows.findBy({ applicationId: In(ids) });
  return new Map(found.map((row) => [row.applicationId, row.view]));
}

function rowOf(state: SubmittedApplication, revision: number): ApplicationSearchRow {
  return {
    applicationId: state.applicationId,
    registeredAt: new Date(state.registeredAt),
    status: state.status,
    kind: state.kind,
    ownerAccountId: state.ownerAccountId,
    customerName: state.customer.name,
    customerNameKey: customerNameSearchKey(state.customer.name),
    customerNameGrams: customerNameGrams(customerNameSearchKey(state.customer.name)),
    updatedAt: new Date(state.updatedAt),
    revision,
    view: state,
  };
}
