const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/gu;
const FULL_WIDTH_TO_ASCII_OFFSET = 0xff01 - 0x21;

/**
 * Full-width ASCII (Ａ-Ｚ, ０-９, －, …) and the ideographic space to their half-width forms, and
 * nothing else: NFKC would also turn ① into 1 and ㈱ into (株), which an ID must refuse.
 */
export function toHalfWidthAscii(text: string): string {
  return text
    .replace(FULL_WIDTH_ASCII, (char) =>
      String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_TO_ASCII_OFFSET),
    )
    .replaceAll('\u3000', ' ');
}
