import type { Pool } from 'pg';

export interface LagSampler {
  /**
   * Stops sampling; resolves with one lag (ms) per event the projection took up meanwhile, and
   * how many polls (database transactions) that took.
   */
  stop(): Promise<{ readonly lags: number[]; readonly polls: number }>;
}

/**
 * Projection lag as a reader sees it: for every `eventType` event the projection takes up, the
 * time from its append (`events.recorded_at`, the appending transaction's start: the submit path
 * appends in a single-statement transaction) until a poll first finds the projection's stored
 * checkpoint at or past it. The checkpoint is written in the transaction that writes the read
 * model rows, so from then on the row is visible. Both instants come from the database clock.
 * Each figure overstates the lag by at most one poll interval plus the poll's own time.
 */
export function sampleProjectionLag(
  pool: Pool,
  schema: string,
  projection: string,
  eventType: string,
  intervalMs: number,
): LagSampler {
  const lags: number[] = [];
  let stopping = false;
  let polls = 1;
  let failure: Error | undefined;
  const loop = (async () => {
    let seen = await storedCheckpoint(pool, schema, projection);
    while (!stopping) {
      const started = Date.now();
      const { rows } = await pool.query<{ checkpoint: string | null; lags: number[] | null }>(
        `WITH cp AS (
           SELECT checkpoint, clock_timestamp() AS seen_at
             FROM "${schema}".projection_checkpoints WHERE name = $1
         )
         SELECT cp.checkpoint,
                (SELECT array_agg(extract(epoch FROM cp.seen_at - e.recorded_at) * 1000)
                   FROM "${schema}".events e
                  WHERE e.type = $2
                    AND (e.transaction_id, e.global_position) > ($3::xid8, $4::bigint)
                    AND (e.transaction_id, e.global_position) <=
                        (split_part(cp.checkpoint, ':', 1)::xid8, split_part(cp.checkpoint, ':', 2)::bigint)
                ) AS lags
           FROM cp`,
        [projection, eventType, ...parse(seen)],
      );
      polls += 1;
      const row = rows[0];
      if (row?.checkpoint) seen = row.checkpoint;
      for (const lag of row?.lags ?? []) lags.push(Number(lag));
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, intervalMs - (Date.now() - started))),
      );
    }
  })().catch((error: unknown) => {
    failure = error instanceof Error ? error : new Error(JSON.stringify(error));
  });
  return {
    async stop() {
      stopping = true;
      await loop;
      if (failure) throw failure;
      return { lags, polls };
    },
  };
}

async function storedCheckpoint(
  pool: Pool,
  schema: string,
  projection: string,
): Promise<string | null> {
  const { rows } = await pool.query<{ checkpoint: string | null }>(
    `SELECT checkpoint FROM "${schema}".projection_checkpoints WHERE name = $1`,
    [projection],
  );
  return rows[0]?.checkpoint ?? null;
}

function parse(checkpoint: string | null): [string, string] {
  const match = checkpoint === null ? null : /^(\d+):(\d+)$/.exec(checkpoint);
  return match ? [match[1] ?? '0', match[2] ?? '0'] : ['0', '0'];
}
