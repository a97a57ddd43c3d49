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
    if (changed.length > 0) await upsertRows(manager, rows, changed);
  },
};

const COLUMNS = [
  'application_id integer',
  'registered_at timestamptz',
  'status text',
  'kind text',
  'owner_account_id text',
  'customer_name text',
  'customer_name_key text',
  'customer_name_grams text[]',
  'updated_at timestamptz',
  'revision integer',
  'view jsonb',
] as const;
const NAMES = COLUMNS.map((column) => column.split(' ')[0] ?? '');

/**
 * The batch as one statement with one parameter: a rebuild or catch-up writes hundreds of rows a
 * batch, which the ORM's upsert bound as eleven parameters per row and mapped row by row.
 */
async function upsertRows(
  manager: EntityManager,
  rows: Repository<ApplicationSearchRow>,
  changed: readonly ApplicationSearchRow[],
): Promise<void> {
  const { schema, tableName } = rows.metadata;
  const table = `${schema ? `"${schema.replaceAll('"', '""')}".` : ''}"${tableName}"`;
  const records = changed.map((row) => ({
    application_id: row.applicationId,
    registered_at: row.registeredAt.toISOString(),
    status: row.status,
    kind: row.kind,
    owner_account_id: row.ownerAccountId,
    customer_name: row.customerName,
    customer_name_key: row.customerNameKey,
    customer_name_grams: row.customerNameGrams,
    updated_at: row.updatedAt.toISOString(),
    revision: row.revision,
    view: row.view,
  }));
  await manager.query(
    `INSERT INTO ${table} (${NAMES.join(', ')})
     SELECT ${NAMES.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS.join(', ')})
     ON CONFLICT (application_id) DO UPDATE SET
       ${NAMES.filter((name) => name !== 'application_id')
         .map((name) => `${name} = EXCLUDED.${name}`)
         .join(', ')}`,
    [JSON.stringify(records)],
  );
}

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
