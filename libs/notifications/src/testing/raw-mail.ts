/** The parts of a received RFC 822 message the specs look at, decoded. */
export interface ReceivedMail {
  readonly raw: string;
  readonly envelopeTo: readonly string[];
  readonly headers: ReadonlyMap<string, string>;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly messageId: string;
  readonly contentType: string;
  readonly text: string;
}

/** Enough MIME for a single-part text/plain message (what the transports send); no library needed. */
export function parseRawMail(raw: Buffer, envelopeTo: readonly string[] = []): ReceivedMail {
  const source = raw.toString('latin1').replace(/\r\n/g, '\n');
  const split = source.indexOf('\n\n');
  const head = source.slice(0, split).replace(/\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const header = (name: string): string => decodeWords(headers.get(name) ?? '');
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  return {
    raw: source,
    envelopeTo,
    headers,
    from: header('from'),
    to: header('to'),
    subject: header('subject'),
    messageId: header('message-id'),
    contentType: header('content-type'),
    text: decodeBody(source.slice(split + 2), encoding),
  };
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body.replace(/=\n/g, ''));
  return Buffer.from(body, 'latin1').toString('utf8');
}

/** RFC 2047 encoded words, e.g. `=?UTF-8?B?44GC?=`; adjacent words join without their space. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_word, _charset: string, kind: string, text: string) =>
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes).toString('utf8');
}
