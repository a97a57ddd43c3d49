import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { testDatabaseTargets } from '@test/database';
import { poolOf } from '../nest/event-store.factory';
import { ProjectionRunners } from '../projections/projection-runners';
import { contextTestDatabase, type ContextTestDatabase } from '../testing/context-test-database';
import {
  signCheckpoint,
  HISTORY_CHECKPOINT_SIGNED,
  HISTORY_CHECKPOINT_STREAM,
} from './global-chain';
import { HistoryKey } from './history-key';
import { HISTORY_LINKS_PROJECTION, HistoryLinks, historyLinksProjection } from './history-links';
import { HistoryChainBrokenError, HistorySigner } from './history-signer';
import { HistoryVerifier } from './history-verifier';

const quiet = { warn: () => undefined, error: () => undefined };

describe.each(testDatabaseTargets())(
  'the global chain and its signed checkpoints on $kind',
  (target) => {
    let database: ContextTestDatabase;
    let runners: ProjectionRunners;
    let signer: HistorySigner;
    let verifier: HistoryVerifier;
    let links: HistoryLinks;
    const { privateKey } = generateKeyPairSync('ed25519');

    beforeAll(async () => {
      database = await contextTestDatabase(target, { entities: [], migrations: [] });
      const { store, dataSource, schema } = database;
      runners = new ProjectionRunners({
        projections: [historyLinksProjection(schema)],
        eventStore: store,
        dataSource,
        logger: quiet,
      });
      runners.start();
      links = new HistoryLinks(poolOf(dataSource), schema);
      const key = new HistoryKey(privateKey);
      signer = new HistorySigner({
        eventStore: store,
        links,
        key,
        projections: runners,
        everyEvents: 5,
        everySeconds: 3600,
        logger: quiet,
      });
      signer.onApplicationBootstrap();
      verifier = new HistoryVerifier({
        eventStore: store,
        links,
        signer,
        key,
        projections: runners,
      });
    });

    afterAll(async () => {
      await signer?.beforeApplicationShutdown();
      await runners?.stop();
      await database?.dispose();
    });

    async function append(stream: string, count: number): Promise<void> {
      await database.store.append(
        stream,
        Array.from({ length: count }, (_, step) => ({
          id: randomUUID(),
          type: 'Probe',
          data: { step },
          metadata: { correlationId: randomUUID(), occurredAt: new Date(), schemaVersion: 1 },
        })),
        'any',
      );
    }

    it('links every event once in the global order and signs the head every N events by itself', async () => {
      await append('probe-a', 3);
      await append('probe-b', 3);
      const deadline = Date.now() + 20_000;
      while ((await signer.latest())?.seq !== 6 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await signer.latest()).toMatchObject({ seq: 6 });
      const report = await verifier.verifyAll();
      // On a shared server the checkpoint event may still be hidden from the global reader.
      expect(report).toMatchObject({ findings: [], links: expect.any(Number) });
      expect(report.events).toBeGreaterThanOrEqual(6);
      expect(report.signedThrough?.seq).toBe(6);
    });

    it('the linker is evidence: rebuilding it is refused', async () => {
      expect(runners.rebuildableNames).not.toContain(HISTORY_LINKS_PROJECTION);
      await expect(runners.rebuild(HISTORY_LINKS_PROJECTION)).rejects.toThrow(/never rebuilt/);
    });

    it('links rewritten to match a recomputed stream no longer lead to the signed head, and nothing more is signed over them', async () => {
      await verifier.settle();
      // One event linked after the last checkpoint (and, the reader being gap-free, everything
      // before it, the checkpoint event too): the rewrite below reaches links not signed yet.
      const { checkpoint } = await database.store.append(
        'probe-c',
        [
          {
            id: randomUUID(),
            type: 'Probe',
            data: {},
            metadata: { correlationId: randomUUID(), occurredAt: new Date(), schemaVersion: 1 },
          },
        ],
        'no_stream',
      );
      await runners.waitFor(HISTORY_LINKS_PROJECTION, checkpoint, 10_000);
      const [first] = await links.ofStream('probe-a');
      // The administrator rewrites the link's event hash and recomputes every link after it.
      await database.pool.query(
        `UPDATE "${database.schema}".history_links SET event_hash = repeat('a', 64) WHERE seq = $1`,
        [first?.seq],
      );
      await database.pool.query(`DO $$
      DECLARE r record; prev text := repeat('0', 64);
      BEGIN
        FOR r IN SELECT * FROM "${database.schema}".history_links ORDER BY seq LOOP
          prev := encode(sha256(convert_to(prev || E'\\n' || encode(sha256(convert_to(concat_ws(E'\\n',
                    r.seq::text, r.event_id::text, r.stream_id, r.revision::text, r.event_hash), 'UTF8')), 'hex'),
                    'UTF8')), 'hex');
          UPDATE "${database.schema}".history_links SET prev_link_hash = r.prev_link_hash, link_hash = prev
           WHERE seq = r.seq;
        END LOOP;
        UPDATE "${database.schema}".history_links l SET prev_link_hash = p.link_hash
          FROM "${database.schema}".history_links p WHERE p.seq = l.seq - 1;
      END $$`);
      const report = await verifier.verifyAll();
      expect(report.findings.map((f) => f.kind)).toEqual(
        expect.arrayContaining(['LINKS_REWRITTEN', 'RECOMPUTED']),
      );
      expect(report.findings).toContainEqual(
        expect.objectContaining({
          kind: 'LINKS_REWRITTEN',
          detail: expect.stringMatching(
            /^the links up to \d+ no longer match the checkpoint signed at /,
          ),
        }),
      );
      expect((await verifier.verifyStream('probe-a')).findings).toContainEqual(
        expect.objectContaining({ kind: 'LINKS_REWRITTEN', stream: 'probe-a', revision: 0 }),
      );
      await expect(verifier.settle('probe-c')).rejects.toBeInstanceOf(HistoryChainBrokenError);
      await expect(signer.checkpointNow()).rejects.toThrow(/no longer agrees with itself at link/);
    });

    it('a checkpoint signed by another key is reported and never trusted, however many follow the trusted one', async () => {
      const trusted = await signer.latest();
      const forger = generateKeyPairSync('ed25519').privateKey;
      // More than the signer reads at once: it must look past them for its own.
      await database.store.append(
        HISTORY_CHECKPOINT_STREAM,
        Array.from({ length: 40 }, () => ({
          id: randomUUID(),
          type: HISTORY_CHECKPOINT_SIGNED,
          data: signCheckpoint({ seq: 1, linkHash: 'f'.repeat(64) }, new Date(), forger),
          metadata: { correlationId: randomUUID(), occurredAt: new Date(), schemaVersion: 1 },
        })),
        'any',
      );
      const report = await verifier.verifyAll();
      expect(report.findings).toContainEqual(
        expect.objectContaining({ kind: 'CHECKPOINT_INVALID', stream: HISTORY_CHECKPOINT_STREAM }),
      );
      expect(report.signedThrough).toEqual(trusted);
      expect(await signer.latest()).toEqual(trusted);
    });

    it('HistoryChainBrokenError names the first link that no longer chains', () => {
      expect(new HistoryChainBrokenError(7).message).toBe(
        'the global chain no longer agrees with itself at link 7; nothing signed',
      );
    });
  },
);
