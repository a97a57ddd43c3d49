import type { Projection, RecordedEvent } from '@app/event-sourcing';
import type { EntityManager } from 'typeorm';
import { APPLICATION_EVENT_TYPES, APPLICATION_STREAM_PREFIX } from '../domain/application.event';
import { evolve } from '../domain/application.evolve';
import { initialState, isSubmitted, type ApplicationState } from '../domain/application.state';
import { toApplicationEvent } from '../infrastructure/recorded-application-event';
import { ApplicationSearchRowEntity } from './application-search-row.entity';
import { customerNameSearchKey } from './customer-name-search-key';

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
    // A batch often holds several events of one application: fold them before writing once.
    const folded = new Map<number, { state: ApplicationState; revision: number }>();
    for (const recorded of events) {
      const event = toApplicationEvent(recorded);
      const id = event.data.applicationId;
      const current = folded.get(id) ?? {
        state: (await rows.findOneBy({ applicationId: id }))?.view ?? initialState,
        revision: -1,
      };
      folded.set(id, { state: evolve(current.state, event), revision: recorded.revision });
    }
    for (const [, { state, revision }] of folded) {
      if (!isSubmitted(state)) continue;
      await rows.upsert(
        {
          applicationId: state.applicationId,
          registeredAt: new Date(state.registeredAt),
          status: state.status,
          kind: state.kind,
          ownerAccountId: state.ownerAccountId,
          customerName: state.customer.name,
          customerNameKey: customerNameSearchKey(state.customer.name),
          updatedAt: new Date(state.updatedAt),
          revision,
          view: state,
        },
        ['applicationId'],
      );
    }
  },
};
