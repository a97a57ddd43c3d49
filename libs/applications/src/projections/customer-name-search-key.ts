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
