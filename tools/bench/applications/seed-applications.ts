import { randomUUID } from 'node:crypto';
import {
  applicationPiiSubject,
  applicationStream,
  asSealedText,
  checkDesiredStartDate,
  decide,
  DEFAULT_TERMS_OF_SERVICE,
  holidayJpCalendar,
  initialState,
  type StartDateWarning,
  type SubmitApplication,
} from '@app/applications';
import {
  appendersLock,
  canonicalJson,
  chainHash,
  GENESIS_HASH,
  joinAppenders,
  PiiVault,
  PostgresEventStore,
  type Actor,
} from '@app/event-sourcing';
import type { Pool } from 'pg';
import { BulkSealer } from './bulk-sealer';
import {
  customerName,
  japanDayAfter,
  meterId,
  START_DATE_LEAD_DAYS,
  UNISSUED_SUPPLY_POINT_ID,
} from './submission-inputs';

export interface SeedOptions {
  readonly pool: Pool;
  readonly schema: string;
  readonly masterKey: Buffer;
  /** The customer who submitted them all. */
  readonly owner: Actor;
  readonly count: number;
  readonly batchSize: number;
  /** Concurrent batches. */
  readonly writers: number;
  /** Submissions are spread over the `spreadDays` days before `now`. */
  readonly now: Date;
  readonly spreadDays: number;
  readonly onProgress?: (seeded: number) => void;
}

/** The `ApplicationSubmitted` data version the write side records (APPLICATION_EVENT_SCHEMA_VERSION). */
const SCHEMA_VERSION = 1;

interface SeedRow {
  readonly subject: string;
  readonly wrappedKey: Buffer;
  readonly eventId: string;
  readonly stream: string;
  readonly dataText: string;
  readonly metadataText: string;
  readonly occurredAt: string;
  readonly hash: string;
}

/**
 * Seeds `count` submitted applications straight into the events table, in multi-row INSERTs of
 * `batchSize` streams per transaction: the store appends one stream per call, and a million
 * calls would take the bench's time for the seeding instead of the measuring. Each event is what
 * the write side would record: 申込IDs from the same sequence, data from the domain's own
 * `decide`, canonical JSON, the hash chain (`chainHash` on a new stream), personal fields sealed
 * under the application's own key. Points are unissued (APP-5), so no registry claim is missing
 * (MTR-2). A sample is checked afterwards with the store's `verifyStream` and the real vault.
 */
export async function seedSubmittedApplications(options: SeedOptions): Promise<number> {
  const { count, batchSize, writers } = options;
  const sealer = new BulkSealer(options.masterKey);
  let next = 0;
  let seeded = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < count) {
        const size = Math.min(batchSize, count - next);
        next += size;
        await seedBatch(options, sealer, size);
        seeded += size;
        options.onProgress?.(seeded);
      }
    }),
  );
  await checkSample(options);
  return seeded;
}

async function seedBatch(options: SeedOptions, sealer: BulkSealer, size: number): Promise<void> {
  const { pool, schema } = options;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // First, before nextval can give the transaction an id: gap-free readers wait for appenders.
    await joinAppenders(client, appendersLock(schema));
    const { rows } = await client.query<{ id: number }>(
      'SELECT nextval($1::regclass)::int AS id FROM generate_series(1, $2)',
      [`"${schema}".application_id_seq`, size],
    );
    const seeds = rows.map(({ id }) => seedRow(options, sealer, id));
    await client.query(
      `INSERT INTO "${schema}".pii_keys (subject, wrapped_key)
       SELECT * FROM unnest($1::text[], $2::bytea[])`,
      [seeds.map((s) => s.subject), seeds.map((s) => s.wrappedKey)],
    );
    await client.query(
      `INSERT INTO "${schema}".events
         (event_id, stream_id, revision, type, data, metadata, occurred_at, prev_hash, hash)
       SELECT e.id, e.stream, 0, 'ApplicationSubmitted', e.data, e.metadata, e.occurred, $7, e.hash
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])
           AS e(id, stream, data, metadata, occurred, hash)`,
      [
        seeds.map((s) => s.eventId),
        seeds.map((s) => s.stream),
        seeds.map((s) => s.dataText),
        seeds.map((s) => s.metadataText),
        seeds.map((s) => s.occurredAt),
        seeds.map((s) => s.hash),
        GENESIS_HASH,
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function seedRow(options: SeedOptions, sealer: BulkSealer, applicationId: number): SeedRow {
  const subject = applicationPiiSubject(applicationId);
  const { key, wrapped } = sealer.newKey();
  const seal = (text: string) => asSealedText(sealer.seal(subject, key, text));
  // Spread over the days before `now`, the same for a given ID on every run.
  const spreadSeconds = options.spreadDays * 86_400;
  const submittedAt = new Date(
    options.now.getTime() - ((applicationId * 48_271) % spreadSeconds) * 1000,
  );
  const desiredStartDate = japanDayAfter(submittedAt, START_DATE_LEAD_DAYS);
  const command: SubmitApplication = {
    type: 'SubmitApplication',
    data: {
      actor: options.owner,
      applicationId,
      kind: 'NEW',
      customer: {
        name: customerName(applicationId),
        department: '設備管理部',
        contactName: seal('山田\u3000太郎'),
        phone: seal('03-1234-5678'),
      },
      applicant: {
        company: 'エネルギー管理サービス株式会社',
        department: '技術部',
        name: seal('田中\u3000花子'),
        phone1: seal('090-1234-5678'),
        phone2: null,
        email: seal(`seed.${applicationId}@example.co.jp`),
        fax: null,
      },
      meteringPoints: [
        {
          kind: 'SUPPLY',
          pointId: UNISSUED_SUPPLY_POINT_ID,
          unissued: true,
          meterId: meterId(applicationId),
        },
      ],
      desiredStartDate,
      warnings: warningsFor(submittedAt, desiredStartDate),
      consentConfirmed: true,
      termsVersion: null,
      currentTermsVersion: DEFAULT_TERMS_OF_SERVICE.version,
    },
  };
  const decision = decide(command, initialState, submittedAt);
  const event = decision.ok ? decision.events[0] : undefined;
  if (!event) throw new Error(`decide refused seed ${applicationId}: ${JSON.stringify(decision)}`);
  const eventId = randomUUID();
  const stream = applicationStream(applicationId);
  const dataText = canonicalJson(event.data);
  const metadataText = canonicalJson({
    correlationId: randomUUID(),
    causationId: null,
    actor: options.owner,
    occurredAt: submittedAt.toISOString(),
    schemaVersion: SCHEMA_VERSION,
  });
  const hash = chainHash({
    prevHash: GENESIS_HASH,
    id: eventId,
    stream,
    revision: 0,
    type: event.type,
    dataText,
    metadataText,
  });
  return {
    subject,
    wrappedKey: wrapped,
    eventId,
    stream,
    dataText,
    metadataText,
    occurredAt: submittedAt.toISOString(),
    hash,
  };
}

// The warnings depend on the two days only; the holiday look-ups would take minutes a million times.
const warningsByDays = new Map<string, readonly StartDateWarning[]>();

function warningsFor(submittedAt: Date, desiredStartDate: string): readonly StartDateWarning[] {
  const days = `${japanDayAfter(submittedAt, 0)}/${desiredStartDate}`;
  let warnings = warningsByDays.get(days);
  if (!warnings) {
    const check = checkDesiredStartDate(submittedAt, desiredStartDate, holidayJpCalendar);
    if (!check.ok) throw new Error(`seed start date refused: ${check.error.message}`);
    warnings = check.warnings;
    warningsByDays.set(days, warnings);
  }
  return warnings;
}

async function checkSample(options: SeedOptions): Promise<void> {
  const { pool, schema } = options;
  const store = new PostgresEventStore({ pool, schema });
  const vault = new PiiVault({ pool, schema, masterKey: options.masterKey });
  const { rows } = await pool.query<{ stream_id: string }>(
    `SELECT stream_id FROM "${schema}".events WHERE type = 'ApplicationSubmitted'
      ORDER BY global_position DESC LIMIT 3`,
  );
  for (const { stream_id: stream } of rows) {
    const verification = await store.verifyStream(stream);
    if (!verification.intact) throw new Error(`seeded stream ${stream} fails verifyStream`);
    const [event] = await store.readStream(stream);
    const applicant = (event?.data as { applicant?: { name?: string } } | undefined)?.applicant;
    if (!applicant?.name || (await vault.decrypt(applicant.name)) !== '田中\u3000花子')
      throw new Error(`the vault cannot open the seeded ${stream}: the seal format changed`);
  }
}
