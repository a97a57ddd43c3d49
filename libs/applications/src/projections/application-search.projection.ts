import { readModelTable, type Projection, type RecordedEvent } from '@app/event-sourcing';
import type { EntityManager } from 'typeorm';
import {
  APPLICATION_EVENT_TYPES,
  APPLICATION_STREAM_PREFIX,
  type ApplicationEvent,
  type ApplicationKind,
  type ApplicationStatus,
} from '../domain/application.event';
import { evolve } from '../domain/application.evolve';
import {
  initialState,
  isSubmitted,
  type ApplicationState,
  type SubmittedApplication,
} from '../domain/application.state';
import { toApplicationEvent } from '../infrastructure/recorded-application-event';
import { ApplicationSearchRowEntity } from './application-search-row.entity';
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
    const table = readModelTable(manager, ApplicationSearchRowEntity);
    const applicationEvents = events.map((recorded) => ({
      event: toApplicationEvent(recorded),
      revision: recorded.revision,
    }));
    // One read and one write per batch, not per event: a submission starts from the initial
    // state, so only applications whose first event here is a later one are looked up.
    const stored = await storedViews(manager, table, applicationEvents);
    const folded = new Map<number, { state: ApplicationState; revision: number }>();
    for (const { event, revision } of applicationEvents) {
      const id = event.data.applicationId;
      const current = folded.get(id)?.state ?? stored.get(id) ?? initialState;
      folded.set(id, { state: evolve(current, event), revision });
    }
    const changed = [...folded.values()].flatMap(({ state, revision }) =>
      isSubmitted(state) ? [rowOf(state, revision)] : [],
    );
    // The whole batch as one JSON parameter, one statement: building a statement with a
    // parameter per column and row cost more than the write itself.
    if (changed.length > 0) await manager.query(upsertSql(table), [JSON.stringify(changed)]);
  },
};

/** The row as JSON under the column names, so that `jsonb_to_recordset` reads it as they are. */
interface RowJson {
  readonly application_id: number;
  readonly registered_at: string;
  readonly status: ApplicationStatus;
  readonly kind: ApplicationKind;
  readonly owner_account_id: string;
  readonly customer_name: string;
  readonly customer_name_key: string;
  readonly customer_name_grams: readonly string[];
  readonly updated_at: string;
  readonly revision: number;
  readonly view: SubmittedApplication;
}

const COLUMNS = `application_id integer, registered_at timestamptz, status text, kind text,
  owner_account_id text, customer_name text, customer_name_key text, customer_name_grams text[],
  updated_at timestamptz, revision integer, view jsonb`;
const NAMES = COLUMNS.split(',').map((column) => column.trim().split(' ')[0] ?? '');
const UPDATED = NAMES.filter((name) => name !== 'application_id')
  .map((name) => `${name} = excluded.${name}`)
  .join(', ');

function upsertSql(table: string): string {
  return `INSERT INTO ${table} (${NAMES.join(', ')})
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS})
    ON CONFLICT (application_id) DO UPDATE SET ${UPDATED}`;
}

async function storedViews(
  manager: EntityManager,
  table: string,
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
  const found = await manager.query<{ application_id: number; view: SubmittedApplication }[]>(
    `SELECT application_id, view FROM ${table} WHERE application_id = ANY($1::int[])`,
    [ids],
  );
  return new Map(found.map((row) => [row.application_id, row.view]));
}

function rowOf(state: SubmittedApplication, revision: number): RowJson {
  const key = customerNameSearchKey(state.customer.name);
  return {
    application_id: state.applicationId,
    registered_at: state.registeredAt,
    status: state.status,
    kind: state.kind,
    owner_account_id: state.ownerAccountId,
    customer_name: state.customer.name,
    customer_name_key: key,
    customer_name_grams: customerNameGrams(key),
    updated_at: state.updatedAt,
    revision,
    view: state,
  };
}
