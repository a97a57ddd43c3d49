/** A template's output; the transport adds From, To and Message-ID. */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
}

/** What every template may use besides its own parameters. */
export interface TemplateContext {
  /** `PUBLIC_URL`, without a trailing slash. */
  readonly publicUrl: string;
}

const SIGNATURE = [
  '',
  '※このメールは送信専用アドレスから送信しています。ご返信いただいてもお答えできません。',
  '',
  'Bルート申込受付システム',
];

/** Joins the body lines and the no-reply signature (ACC-8). */
export function body(lines: readonly string[]): string {
  return [...lines, ...SIGNATURE].join('\n') + '\n';
}

/** `2026年11月26日 10:30` in Japan time, whatever the server's zone. */
export function japanTime(iso: string): string {
  const at = new Date(new Date(iso).getTime() + 9 * 60 * 60 * 1000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${at.getUTCFullYear()}年${at.getUTCMonth() + 1}月${at.getUTCDate()}日 ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}
