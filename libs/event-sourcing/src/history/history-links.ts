import type { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { quoteIdent } from '../database/quote-ident';
import type { RecordedEvent } from '../event-store/event-store.port';
import type { Projection } from '../projections/projection';
import { linkOnto, type ChainLink } from './global-chain';

export const HISTORY_LINKS_PROJECTION = 'history-links';

/** A stored link, with the store checkpoint of the event it links. */
export interface StoredChainLink extends ChainLink {
  readonly checkpoint: string;
}

interface LinkRow {
  seq: string;
  event_id: string;
  stream_id: string;
  revision: string;
  event_hash: string;
  prev_link_hash: string;
  link_hash: string;
  checkpoint: string;
}

const LINK_COLUMNS =
  'seq, event_id, stream_id, revision, event_hash, prev_link_hash, link_hash, checkpoint';

function toLink(row: LinkRow): StoredChainLink {
  return {
    seq: Number(row.seq),
    eventId: row.event_id,
    stream: row.stream_id,
    revision: Number(row.revision),
    eventHash: row.event_hash,
    prevLinkHash: row.prev_link_hash,
    linkHash: row.link_hash,
    checkpoint: row.checkpoint,
  };
}

/**
 * The linker: a projection over every event in the gap-free global order projections read, so
 * it runs in one process at a time (the projections' advisory lock), stores its checkpoint with
 * its links in one transaction, and never slows an append down. Never rebuilt: the links are the
 * record of what the events said when they were linked.
 */
export function historyLinksProjection(schema: string): Projection {
  const table = `${quoteIdent(schema)}.history_links`;
  return {
    name: HISTORY_LINKS_PROJECTION,
    filter: {},
    entities: [],
    rebuildable: false,
    async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
      if (events.length === 0) return;
      const [head] = await manager.query<{ seq: string; link_hash: string }[]>(
        `SELECT seq, link_hash FROM ${table} ORDER BY seq DESC LIMIT 1`,
      );
      const links = linkOnto(
        head ? { seq: Number(head.seq), linkHash: head.link_hash } : null,
        events.map((event) => ({
          eventId: event.id,
          stream: event.stream,
          revision: event.revision,
          eventHash: event.metadata.hash,
        })),
      );
      await manager.query(
        `INSERT INTO ${table} (${LINK_COLUMNS})
         SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[],
                              $6::text[], $7::text[], $8::text[])`,
        [
          links.map((l) => l.seq),
          links.map((l) => l.eventId),
          links.map((l) => l.stream),
          links.map((l) => l.revision),
          links.map((l) => l.eventHash),
          links.map((l) => l.prevLinkHash),
          links.map((l) => l.linkHash),
          events.map((e) => e.checkpoint),
        ],
      );
    },
  };
}

/** Reads of the links table for the signer, the verifier and the bundle export. */
export class HistoryLinks {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.history_links`;
  }

  async head(): Promise<StoredChainLink | null> {
    const { rows } = await this.pool.query<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM ${this.table} ORDER BY seq DESC LIMIT 1`,
    );
    return rows[0] ? toLink(rows[0]) : null;
  }

  /** Links with `from <= seq <= to`, by seq. */
  async range(from: number, to: number): Promise<StoredChainLink[]> {
    const { rows } = await this.pool.query<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM ${this.table} WHERE seq BETWEEN $1 AND $2 ORDER BY seq`,
      [from, to],
    );
    return rows.map(toLink);
  }

  async ofStream(stream: string): Promise<StoredChainLink[]> {
    const { rows } = await this.pool.query<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM ${this.table} WHERE stream_id = $1 ORDER BY seq`,
      [stream],
    );
    return rows.map(toLink);
  }

  /**
   * Links after `seq` that are not checkpoints (what the next checkpoint has to cover), counted no
   * further than `cap`: in seq order, so that one walk of the key from `seq` answers it however
   * far behind the table's statistics are.
   */
  async countUnsignedAfter(seq: number, checkpointStream: string, cap: number): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM (
         SELECT 1 FROM ${this.table} WHERE seq > $1 AND stream_id <> $2 ORDER BY seq LIMIT $3
       ) AS unsigned`,
      [seq, checkpointStream, cap],
    );
    return Number(rows[0]?.count ?? 0);
  }
}
