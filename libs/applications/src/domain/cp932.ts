/**
 * The CP932 (Windows Shift_JIS) code of each character: 0x00–0xFF for a one-byte character,
 * 0x8140–0xFCFC for a two-byte one. Found by decoding every byte sequence with the WHATWG
 * `shift_jis` decoder, which is CP932's; built on first use (about 9,000 entries).
 */
let codes: ReadonlyMap<number, number> | undefined;

// JIS X 0208 characters that macOS and JIS-based input give other code points than Windows does
// (〜 U+301C for ～ U+FF5E, − U+2212 for － U+FF0D, …): the same standard characters, not
// machine-dependent ones, so they take the code of their Windows twin.
const JIS_VARIANTS: ReadonlyArray<readonly [number, number]> = [
  [0x00a2, 0x8191],
  [0x00a3, 0x8192],
  [0x00ac, 0x81ca],
  [0x2014, 0x815c],
  [0x2016, 0x8161],
  [0x2212, 0x817c],
  [0x301c, 0x8160],
];

/**
 * The character's CP932 code, or undefined when CP932 cannot encode it. Of the several codes of
 * one character (∵ is 0x81E6, 0x879A and 0xFA5B) this is the lowest, the one Windows writes: the
 * JIS X 0208 one when there is one.
 */
export function cp932Code(codePoint: number): number | undefined {
  codes ??= buildTable();
  return codes.get(codePoint);
}

function buildTable(): ReadonlyMap<number, number> {
  // Throws a RangeError on a Node built without full ICU, which must not pass silently.
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<number, number>();
  const record = (code: number, bytes: Uint8Array): void => {
    const text = decoder.decode(bytes);
    const codePoint = text.codePointAt(0);
    if (codePoint === undefined || text.length !== 1 || codePoint === 0xfffd) return;
    if (!table.has(codePoint)) table.set(codePoint, code);
  };
  for (let byte = 0x00; byte <= 0xff; byte += 1) record(byte, Uint8Array.of(byte));
  for (let lead = 0x81; lead <= 0xfc; lead += 1) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail += 1) {
      if (trail !== 0x7f) record((lead << 8) | trail, Uint8Array.of(lead, trail));
    }
  }
  for (const [codePoint, code] of JIS_VARIANTS) table.set(codePoint, code);
  return table;
}
