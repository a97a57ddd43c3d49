import { randomUUID } from 'node:crypto';
import { anEvent } from '../../testing/event-store-contract';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { encodeEvent } from '../stored-event';
import {
  actualRevision,
  chainEvents,
  comparePositions,
  decodeEsdbMetadata,
  encodeEsdbMetadata,
  esdbExpectedRevision,
  hasUserInfo,
  isSystemEvent,
  parseCheckpoint,
  positionCheckpoint,
  toStoredRow,
  type EsdbRecord,
  type ProposedEvent,
} from './eventstoredb-mapping';

/** What the client does to an event on its way to the server and back: one JSON round trip each. */
const throughTheClient = (
  stream: string,
  proposed: readonly ProposedEvent[],
  firstRevision = 0,
): EsdbRecord[] =>
  proposed.map((event, index) => ({
    streamId: stream,
    id: event.id,
    revision: BigInt(firstRevision + index),
    type: event.type,
    isJson: true,
    data: JSON.parse(JSON.stringify(event.data)) as unknown,
    metadata: JSON.parse(JSON.stringify(event.metadata)) as unknown,
    position: {
      commit: BigInt(1000 + firstRevision + index),
      prepare: BigInt(1000 + firstRevision + index),
    },
  }));

describe('EventStoreDB checkpoints', () => {
  it('round-trips a position through its checkpoint, beyond 2^53', () => {
    const position = { commit: 2n ** 60n + 7n, prepare: 2n ** 60n + 3n };
    expect(positionCheckpoint(position)).toBe('1152921504606846983/1152921504606846979');
    expect(parseCheckpoint(positionCheckpoint(position))).toEqual(position);
  });

  it.each(['', '12', '12:3', '1/2/3', '-1/0', 'a/b', ' 1/2'])(
    'refuses %p as a checkpoint',
    (checkpoint) => {
      expect(() => parseCheckpoint(checkpoint)).toThrow('not an EventStoreDB checkpoint');
    },
  );

  it('orders positions by commit, then by prepare', () => {
    const at = (commit: bigint, prepare: bigint) => ({ commit, prepare });
    expect(comparePositions(at(1n, 9n), at(2n, 0n))).toBeLessThan(0);
    expect(comparePositions(at(2n, 0n), at(1n, 9n))).toBeGreaterThan(0);
    expect(comparePositions(at(5n, 1n), at(5n, 2n))).toBeLessThan(0);
    expect(comparePositions(at(5n, 2n), at(5n, 2n))).toBe(0);
    expect(comparePositions(at(10n, 0n), at(9n, 0n))).toBeGreaterThan(0);
  });
});

describe('EventStoreDB expected revision', () => {
  it.each([
    ['no_stream', 5, 'no_stream'],
    [3, 3, 3n],
    [0, 0, 0n],
    [-1, -1, 'no_stream'],
    ['any', -1, 'no_stream'],
    ['any', 4, 4n],
    ['stream_exists', 4, 4n],
  ] as const)('sends %p, read at %p, as %p', (expected, current, sent) => {
    expect(esdbExpectedRevision(expected, current)).toBe(sent);
  });

  it.each([1.5, -2, Number.NaN, 2 ** 60])('refuses the revision %p', (expected) => {
    expect(() => esdbExpectedRevision(expected, 0)).toThrow(RangeError);
  });

  it('reports a missing stream as revision -1', () => {
    expect(actualRevision('no_stream')).toBe(-1);
    expect(actualRevision(7n)).toBe(7);
  });
});

describe('EventStoreDB metadata', () => {
  const { metadataText } = encodeEvent(anEvent());
  const chained = {
    metadataText,
    prevHash: GENESIS_HASH,
    hash: 'f'.repeat(64),
    commitId: randomUUID(),
  };

  it('keeps the stored metadata text, byte for byte, through a JSON round trip', () => {
    const sent = encodeEsdbMetadata(chained);
    expect(sent).toMatchObject({
      prevHash: GENESIS_HASH,
      hash: 'f'.repeat(64),
      correlationId: expect.any(String),
    });
    expect(decodeEsdbMetadata(JSON.parse(JSON.stringify(sent)))).toEqual(chained);
  });

  it('refuses stored metadata that already uses a chain key', () => {
    expect(() => encodeEsdbMetadata({ ...chained, metadataText: '{"hash":"x"}' })).toThrow(
      'already has a hash member',
    );
  });

  it.each([
    ['binary metadata', new Uint8Array([1, 2])],
    ['no metadata', undefined],
    ['an array', []],
    ['metadata without the chain', JSON.parse(metadataText) as unknown],
  ])('refuses %s', (_label, metadata) => {
    expect(() => decodeEsdbMetadata(metadata)).toThrow();
  });
});

describe('EventStoreDB event layout and hash chain', () => {
  const stream = 'application-42';

  it('links a new stream from the genesis hash and verifies what comes back from the server', () => {
    const encoded = [anEvent(), anEvent(), anEvent()].map(encodeEvent);
    const rows = throughTheClient(stream, chainEvents(stream, encoded, null, randomUUID())).map(
      toStoredRow,
    );
    expect(rows.map((row) => [row.id, row.revision, row.dataText, row.metadataText])).toEqual(
      encoded.map((event, revision) => [event.id, revision, event.dataText, event.metadataText]),
    );
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    expect(rows[0]?.checkpoint).toBe('1000/1000');
    expect(verifyChain(rows)).toEqual({ intact: true, events: 3, firstBrokenRevision: null });
  });

  it('continues the chain from the tail it read', () => {
    const commitId = randomUUID();
    const first = throughTheClient(
      stream,
      chainEvents(stream, [anEvent(), anEvent()].map(encodeEvent), null, commitId),
    ).map(toStoredRow);
    const tail = first.at(-1);
    const next = chainEvents(stream, [anEvent()].map(encodeEvent), tail ?? null, commitId);
    const rows = [...first, ...throughTheClient(stream, next, 2).map(toStoredRow)];
    expect(rows[2]?.prevHash).toBe(tail?.hash);
    expect(verifyChain(rows).intact).toBe(true);
  });

  it('restores the canonical text of data whose integer-like keys JSON.stringify reorders', () => {
    const event = encodeEvent(
      anEvent('Keyed', {
        '10': 'a',
        '9': 'b',
        '01': 'c',
        name: '山田　太郎',
        nested: { '2': [1, '𠮷'] },
      }),
    );
    const [record] = throughTheClient(stream, chainEvents(stream, [event], null, randomUUID()));
    expect(JSON.stringify(record?.data)).not.toBe(event.dataText);
    const row = toStoredRow(record);
    expect(row.dataText).toBe(event.dataText);
    expect(verifyChain([row]).intact).toBe(true);
  });

  it('finds the first event whose stored data differs from what was hashed', () => {
    const encoded = [0, 1, 2, 3].map((value) => encodeEvent(anEvent('Happened', { value })));
    const records = throughTheClient(stream, chainEvents(stream, encoded, null, randomUUID()));
    const tampered = records.map((record, revision) =>
      revision === 2 ? { ...record, data: { value: 999 } } : record,
    );
    expect(verifyChain(tampered.map(toStoredRow))).toEqual({
      intact: false,
      events: 4,
      firstBrokenRevision: 2,
    });
  });

  it('ties the hash to the stream name, so a copy under another name does not verify', () => {
    const records = throughTheClient(
      stream,
      chainEvents(stream, [anEvent()].map(encodeEvent), null, randomUUID()),
    );
    const copied = records.map((record) => ({ ...record, streamId: `${stream}-copy` }));
    expect(verifyChain(copied.map(toStoredRow)).firstBrokenRevision).toBe(0);
  });

  it('shares one commit id across the events of one append', () => {
    const commitId = randomUUID();
    const rows = throughTheClient(
      stream,
      chainEvents(stream, [anEvent(), anEvent()].map(encodeEvent), null, commitId),
    ).map(toStoredRow);
    expect(rows.map((row) => row.commitId)).toEqual([commitId, commitId]);
  });

  it('refuses events it did not write, and events read without a position', () => {
    const [record] = throughTheClient(
      stream,
      chainEvents(stream, [anEvent()].map(encodeEvent), null, randomUUID()),
    ) as [EsdbRecord];
    expect(() => toStoredRow({ ...record, isJson: false, data: new Uint8Array([123]) })).toThrow(
      'not JSON',
    );
    expect(() => toStoredRow({ ...record, position: undefined })).toThrow('22.6');
    expect(() => toStoredRow({ ...record, metadata: { $correlationId: 'x' } })).toThrow(
      'lacks prevHash',
    );
  });
});

describe('EventStoreDB names', () => {
  it.each([
    ['$ce-application', 'SomethingHappened', true],
    ['application-1', '$>', true],
    ['$$application-1', '$metadata', true],
    ['application-1', 'ApplicationSubmitted', false],
  ])('treats %s / %s as a system event: %p', (stream, type, system) => {
    expect(isSystemEvent(stream, type)).toBe(system);
  });

  it.each([
    ['esdb://admin:changeit@localhost:2113?tls=false', true],
    ['esdb+discover://ops:secret@cluster.local:2113', true],
    ['esdb://localhost:2113?tls=false', false],
    ['esdb://node1:2113,node2:2113?tls=false', false],
    ['esdb://localhost:2113/?tls=false&x=a@b', false],
  ])('sees whether %s names a user: %p', (connectionString, named) => {
    expect(hasUserInfo(connectionString)).toBe(named);
  });
});
