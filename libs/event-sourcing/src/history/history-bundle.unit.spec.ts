import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { chainOnto } from '../event-store/hash-chain';
import { entryDigest, GLOBAL_GENESIS_HASH, linkOnto, signCheckpoint } from './global-chain';
import { HISTORY_BUNDLE_FORMAT, verifyBundle, type HistoryBundle } from './history-bundle';
import {
  historyPublicKeyPem,
  parseHistoryPublicKey,
  parseHistorySigningKey,
} from './history-signing-key';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

/** Two streams interleaved in the global chain; a bundle of the first, signed at the head. */
function bundle(): HistoryBundle {
  const event = (step: number) => ({
    id: randomUUID(),
    type: 'Probe',
    dataText: `{"contact":"v1.sealed-${step}","step":${step}}`,
    metadataText: '{}',
  });
  const mine = chainOnto('application-1', null, [event(0), event(1)]);
  const other = chainOnto('application-2', null, [event(0)]);
  const links = linkOnto(
    null,
    [mine[0], other[0], mine[1]].map((e) => ({
      eventId: e.id,
      stream: e.stream,
      revision: e.revision,
      eventHash: e.hash,
    })),
  );
  const head = links.at(-1)!;
  return {
    format: HISTORY_BUNDLE_FORMAT,
    stream: 'application-1',
    exportedAt: new Date().toISOString(),
    events: mine,
    chain: {
      prevLinkHash: GLOBAL_GENESIS_HASH,
      links: [
        { seq: 1, revision: 0 },
        { seq: 2, digest: entryDigest(links[1]) },
        { seq: 3, revision: 1 },
      ],
    },
    checkpoint: signCheckpoint(head, new Date(), privateKey),
  };
}

describe('evidence bundles', () => {
  it('verify with the public key alone', () => {
    expect(verifyBundle(bundle(), publicKey)).toMatchObject({ ok: true, problems: [], events: 2 });
  });

  it('fail when any byte of the stored text changes', () => {
    const text = JSON.stringify(bundle());
    for (const at of [text.indexOf('sealed-1') + 7, text.indexOf('"digest"') + 12]) {
      const flipped = `${text.slice(0, at)}${text[at] === '0' ? '1' : '0'}${text.slice(at + 1)}`;
      expect(verifyBundle(JSON.parse(flipped), publicKey).ok).toBe(false);
    }
  });

  it('fail when an event is left out, or the checkpoint was signed by another key', () => {
    const withoutLast = bundle();
    expect(
      verifyBundle({ ...withoutLast, events: withoutLast.events.slice(0, 1) }, publicKey).problems,
    ).toContain('global chain: link 3 names revision 1 out of order');
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(verifyBundle(bundle(), other).problems).toEqual([
      expect.stringMatching(
        /^the checkpoint was signed by key [0-9a-f]{32}, not by the given key$/,
      ),
    ]);
  });
});

describe('history signing keys', () => {
  it('are read from PEM or from base64 of the seed or of PKCS#8, and print their public half', () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    const expected = historyPublicKeyPem(publicKey);
    for (const text of [pem, der.toString('base64'), der.subarray(16).toString('base64')]) {
      expect(historyPublicKeyPem(parseHistorySigningKey(text))).toBe(expected);
    }
    expect(historyPublicKeyPem(parseHistoryPublicKey(expected))).toBe(expected);
  });

  it('refuse anything but an Ed25519 private key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    for (const text of ['', 'not a key', rsa.export({ type: 'pkcs8', format: 'pem' }).toString()]) {
      expect(() => parseHistorySigningKey(text)).toThrow(/Ed25519 private key/);
    }
  });
});
