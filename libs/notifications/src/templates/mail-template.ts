import { ADDRESSEE_FALLBACK, mailMessages } from '../messages';

/** A template's output; the transport adds From, To and Message-ID. */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
}

/** What every template may use besides its own parameters (configuration). */
export interface TemplateContext {
  /** `PUBLIC_URL`, without a trailing slash. */
  readonly publicUrl: string;
  /** `SUPPORT_EMAIL`: the back office's contact address (ACC-8). */
  readonly supportEmail: string;
  /** `MAIL_SIGNATURE`: the operator's name. */
  readonly signature: string;
}

/**
 * Wording: the addressee (「〇〇 様」, the name opened at send time), the greeting, the body,
 * then the send-only notice (Q5) and the operator's name.
 */
export function body(
  addressee: string | undefined,
  lines: readonly string[],
  context: TemplateContext,
): string {
  const name = addressee?.trim() ? addressee.trim() : ADDRESSEE_FALLBACK;
  return (
    [
      mailMessages.addressee(name),
      '',
      mailMessages.greeting,
      '',
      ...lines,
      '',
      ...mailMessages.footer(context.signature),
    ].join('\n') + '\n'
  );
}

/** `2026/11/26 10:30` in Japan time, whatever the server's zone. */
export function japanTime(iso: string): string {
  const at = new Date(new Date(iso).getTime() + 9 * 60 * 60 * 1000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}

/** `2026/04/02` from `2026-04-02`. */
export function displayDate(isoDay: string): string {
  return isoDay.replaceAll('-', '/');
}

/** APP-5 as the FAQ writes it: 03-1011-1234-5678-9012-3456. */
export function displayPointId(pointId: string): string {
  return /^\d{22}$/u.test(pointId)
    ? `${pointId.slice(0, 2)}-${pointId.slice(2, 6)}-${pointId.slice(6).replace(/(\d{4})(?=\d)/gu, '$1-')}`
    : pointId;
}
