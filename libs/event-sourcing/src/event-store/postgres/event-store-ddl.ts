import { GENESIS_HASH } from '../hash-chain';
import { quoteIdent } from '../../database/quote-ident';

/**
 * The PostgreSQL event store, in one schema. `transaction_id` records the writing transaction so
 * readers can stop below the oldest transaction still in flight (see `PostgresEventStore.readAll`).
 * The append function does the whole append in one round trip: lock the stream row, check
 * idempotency and the expected revision, chain the hashes, insert.
 */
export function eventStoreDdl(schema: string): string[] {
  const s = quoteIdent(schema);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE ${s}.events (
      global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      event_id uuid NOT NULL,
      stream_id text NOT NULL,
      revision bigint NOT NULL,
      type text NOT NULL,
      data text NOT NULL,
      metadata text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      prev_hash text NOT NULL,
      hash text NOT NULL,
      CONSTRAINT events_event_id_key UNIQUE (event_id),
      CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision)
    )`,
    `CREATE INDEX events_commit_order_idx ON ${s}.events (transaction_id, global_position)`,
    `CREATE TABLE ${s}.streams (
      stream_id text PRIMARY KEY,
      revision bigint NOT NULL,
      last_hash text NOT NULL
    )`,
    `CREATE FUNCTION ${s}.append_events(
      p_stream text, p_expected text, p_ids uuid[], p_types text[], p_data text[], p_metadata text[],
      p_occurred timestamptz[]
    ) RETURNS TABLE (out_revision bigint, out_position bigint, out_xid xid8, out_duplicate boolean)
    LANGUAGE plpgsql AS $fn$
    #variable_conflict use_column
    DECLARE
      v_revision bigint;
      v_hash text;
      v_count int := coalesce(cardinality(p_ids), 0);
      v_found int;
      v_in_stream int;
      v_prev text[] := '{}';
      v_hashes text[] := '{}';
    BEGIN
      SELECT revision, last_hash INTO v_revision, v_hash FROM ${s}.streams WHERE stream_id = p_stream FOR UPDATE;
      IF NOT FOUND THEN
        INSERT INTO ${s}.streams (stream_id, revision, last_hash) VALUES (p_stream, -1, '${GENESIS_HASH}')
          ON CONFLICT DO NOTHING;
        SELECT revision, last_hash INTO v_revision, v_hash FROM ${s}.streams WHERE stream_id = p_stream FOR UPDATE;
      END IF;

      -- Checked under the stream lock, so a concurrent twin of this append is seen committed.
      SELECT count(*), count(*) FILTER (WHERE stream_id = p_stream) INTO v_found, v_in_stream
        FROM ${s}.events WHERE event_id = ANY (p_ids);
      IF v_found > 0 THEN
        IF v_found = v_count AND v_in_stream = v_count THEN
          RETURN QUERY SELECT v_revision, e.global_position, e.transaction_id, true
            FROM ${s}.events e WHERE e.event_id = ANY (p_ids) ORDER BY e.revision DESC LIMIT 1;
          RETURN;
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'BR002', MESSAGE = 'event ids already appended elsewhere';
      END IF;

      IF NOT (p_expected = 'any'
          OR (p_expected = 'no_stream' AND v_revision = -1)
          OR (p_expected = 'stream_exists' AND v_revision >= 0)
          OR (p_expected ~ '^[0-9]+$' AND v_revision = p_expected::bigint)) THEN
        RAISE EXCEPTION USING ERRCODE = 'BR001', MESSAGE = v_revision::text;
      END IF;

      IF v_count = 0 THEN
        RETURN QUERY SELECT v_revision, NULL::bigint, NULL::xid8, false;
        RETURN;
      END IF;

      -- Keep in step with chainHash() in hash-chain.ts.
      FOR i IN 1 .. v_count LOOP
        v_prev[i] := v_hash;
        v_hash := encode(sha256(convert_to(concat_ws(E'\\n', v_hash, p_ids[i]::text, p_stream,
          (v_revision + i)::text, p_types[i], p_data[i], p_metadata[i]), 'UTF8')), 'hex');
        v_hashes[i] := v_hash;
      END LOOP;

      RETURN QUERY
        INSERT INTO ${s}.events (event_id, stream_id, revision, type, data, metadata, occurred_at, prev_hash, hash)
        SELECT p_ids[i], p_stream, v_revision + i, p_types[i], p_data[i], p_metadata[i], p_occurred[i],
               v_prev[i], v_hashes[i]
          FROM generate_series(1, v_count) AS i ORDER BY i
        RETURNING revision, global_position, transaction_id, false;
      UPDATE ${s}.streams SET revision = v_revision + v_count, last_hash = v_hash WHERE stream_id = p_stream;
    END
    $fn$`,
  ];
}
