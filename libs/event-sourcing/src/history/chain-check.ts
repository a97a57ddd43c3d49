import { entryDigest, nextLinkHash, type ChainLink } from './global-chain';

/**
 * Recomputes `links` (consecutive by seq) from `prevLinkHash`: the first link whose seq, stored
 * predecessor or stored hash disagrees, and the head the stored fields really chain to.
 */
export function recomputeLinks(
  prevLinkHash: string,
  firstSeq: number,
  links: readonly ChainLink[],
): {
  readonly firstBadSeq: number | null;
  readonly headHash: string;
  /** The recomputed hash of each link, by index. */
  readonly computed: readonly string[];
} {
  let prev = prevLinkHash;
  let firstBadSeq: number | null = null;
  const computed: string[] = [];
  for (const [index, link] of links.entries()) {
    const hash = nextLinkHash(prev, entryDigest(link));
    const agrees =
      link.seq === firstSeq + index && link.prevLinkHash === prev && link.linkHash === hash;
    if (!agrees && firstBadSeq === null) firstBadSeq = firstSeq + index;
    computed.push(hash);
    prev = hash;
  }
  return { firstBadSeq, headHash: prev, computed };
}
