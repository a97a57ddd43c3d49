const WHITESPACE = /\s+/gu;
// Katakana ァ (U+30A1) … ヶ (U+30F6) and the iteration marks ヽヾ sit 0x60 above their hiragana.
const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/gu;
const KANA_OFFSET = 0x60;

/**
 * APP-10: the form a customer name is searched in, so that a search is width-, case- and
 * kana-insensitive. NFKC first: it turns half-width katakana (ｶﾌﾞｼｷ) into full-width and
 * full-width Latin (ＡＢＣ) into half-width, before case and kana are folded. Whitespace goes too,
 * since 「東京 電力」 and 「東京電力」 name the same company. Only ever compared with keys made
 * by this function; the stored name itself is kept as written.
 */
export function customerNameSearchKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(KATAKANA, (kana) => String.fromCharCode(kana.charCodeAt(0) - KANA_OFFSET))
    .replace(WHITESPACE, '');
}

/** Below this many characters a search text has no trigram: it is looked up among the grams. */
export const SHORTEST_TRIGRAM_SEARCH = 3;

/**
 * Every distinct piece of one and two characters (code points, as PostgreSQL counts them) of a
 * folded key: a text of that length is in the key exactly when it is one of these.
 */
export function customerNameGrams(key: string): string[] {
  const characters = [...key];
  const grams = new Set<string>();
  for (let i = 0; i < characters.length; i++) {
    grams.add(characters[i] ?? '');
    if (i + 1 < characters.length) grams.add(`${characters[i]}${characters[i + 1]}`);
  }
  return [...grams];
}
