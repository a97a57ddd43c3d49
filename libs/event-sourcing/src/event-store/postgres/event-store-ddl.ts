import { GENESIS_HASH } from '../hash-chain';
import { quoteIdent } from '../../database/quote-ident';

/**
 * The PostgreSQL event store, in one schema. `transaction_id` records the writing transaction so
 * readers can stop below the oldest transaction still in flight (see `PostgresEventStore.readAll`).
 *
 * One function does a whole append in one round trip. The unique (stream, revision) index is the
 * optimistic lock: two writers that read the same last revision both try to insert the next one
 * and the loser fails, so the hash chain can never fork. Idempotency rides on the unique event id
 * (`ON CONFLICT DO NOTHING`), and is looked at only when something did not fit.
 */
export function eventStoreDdl(schema: string): string[] {
  const s = quoteIdent(schema);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE ${s}.events (
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      global_position bigint GENERATED ALWAYS AS IDENTITY,
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
      CONSTRAINT events_commit_order_pkey PRIMARY KEY (transaction_id, global_position),
      CONSTRAINT events_event_id_key UNIQUE (event_id),
      CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision)
    )`,
    `CREATE FUNCTION ${s}.append_events(
      p_stream text, p_expected text, p_ids uuid[], p_types text[], p_data text[], p_metadata text[],
      p_occurred timestamptz[]
    ) RETURNS TABLE (out_revision bigint, out_position bigint, out_xid xid8, out_duplicate boolean)
    LANGUAGE plpgsql AS $fn$
    #variable_conflict use_column
    DECLARE
      v_revision bigint := -1;
      v_hash text := '${GENESIS_HASH}';
      v_count int := coalesce(cardinality(p_ids), 0);
      v_inserted int;
      v_prev text[] := '{}';
      v_hashes text[] := '{}';
    BEGIN
      SELECT revision, hash INTO v_revision, v_hash
        FROM ${s}.events WHERE stream_id = p_stream ORDER BY revision DESC LIMIT 1;
      IF NOT FOUND THEN
        v_revision := -1;
        v_hash := '${GENESIS_HASH}';
      END IF;

      IF NOT (p_expected = 'any'
          OR (p_expected = 'no_stream' AND v_revision = -1)
          OR (p_expected = 'stream_exists' AND v_revision >= 0)
          OR (p_expected ~ '^[0-9]+$' AND v_revision = p_expected::bigint)) THEN
        -- A retried append whose first attempt succeeded is not a conflict.
        RETURN QUERY SELECT * FROM ${s}.recorded_append(p_stream, p_ids, v_revision);
        IF FOUND THEN RETURN; END IF;
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
        ON CONFLICT (event_id) DO NOTHING
        RETURNING revision, global_position, transaction_id, false;
      GET DIAGNOSTICS v_inserted = ROW_COUNT;
      IF v_inserted < v_count THEN
        IF v_inserted = 0 THEN
          RETURN QUERY SELECT * FROM ${s}.recorded_append(p_stream, p_ids, v_revision);
          IF FOUND THEN RETURN; END IF;
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'BR002', MESSAGE = 'event ids already appended elsewhere';
      END IF;
    END
    $fn$`,
    `CREATE FUNCTION ${s}.recorded_append(p_stream text, p_ids uuid[], p_revision bigint)
    RETURNS TABLE (out_revision bigint, out_position bigint, out_xid xid8, out_duplicate boolean)
    LANGUAGE sql STABLE AS $fn$
      -- The earlier append of exactly these ids to this stream, if there was one.
      SELECT p_revision, last.global_position, last.transaction_id, true
        FROM (SELECT count(*) FILTER (WHERE stream_id = p_stream) AS in_stream, count(*) AS found,
                     max(revision) FILTER (WHERE stream_id = p_stream) AS last_revision
                FROM ${s}.events WHERE event_id = ANY (p_ids)) AS seen
        JOIN ${s}.events last ON last.stream_id = p_stream AND last.revision = seen.last_revision
       WHERE seen.found = cardinality(p_ids) AND seen.in_stream = seen.found
    $fn$`,
  ];
}
