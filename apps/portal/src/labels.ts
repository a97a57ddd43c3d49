import type { ApplicationKind, ApplicationStatus, Role } from './gql/graphql';

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  RECEIVED: '申込受付',
  IN_PROGRESS: '手続中',
  COMPLETED: '完了',
  RETURNED: '差戻し',
  REJECTED: '受付不可',
  WITHDRAWN: '取消',
};

export const KIND_LABELS: Record<ApplicationKind, string> = {
  NEW: '新規',
  TERMINATION: '廃止',
  ACTIVATION: '活性化',
};

/** Q22 / Q29 / Q7: one line of what each kind is for. */
export const KIND_DESCRIPTIONS: Record<ApplicationKind, string> = {
  NEW: '高圧Bルートサービスの利用を開始します（供給側と発電側の同時申込可能）。EMS機器の交換で当社側の工事が必要な場合もこちらです。',
  TERMINATION: '高圧Bルートサービスの利用を終了（解約）します。',
  ACTIVATION:
    '配線の接続を確認しても計測データがEMS機器に届かない場合に、データ発信の再開をお申込みいただきます。',
};

export const DATE_LABELS: Record<ApplicationKind, string> = {
  NEW: '利用開始希望日',
  TERMINATION: '廃止希望日',
  ACTIVATION: '活性化希望日',
};

export const ROLE_LABELS: Record<Role, string> = {
  CUSTOMER: 'お客さま',
  OPERATOR: '受付担当者',
  AUDITOR: '監査担当者',
};

export const ACCOUNT_STATUS_LABELS: Record<string, string> = {
  ACTIVE: '利用中',
  LOCKED: 'ロック中',
  PENDING_VERIFICATION: 'メール認証待ち',
  DELETED: '削除済み',
};

export const EVENT_LABELS: Record<string, string> = {
  ApplicationSubmitted: '申込み',
  ApplicationChanged: '申込内容の変更',
  ProcessingStarted: '手続開始',
  ApplicationReturned: '差戻し',
  ApplicationRejected: '受付不可',
  ApplicationCompleted: '完了',
  ApplicationWithdrawn: '取消',
  PointIdsIssued: '地点特定番号の発番',
};

export const TERMINAL_LABELS: Record<string, string> = {
  HIGH_VOLTAGE_TERMINAL: '高圧端末',
  OPTICAL: '光通信',
  UNKNOWN: '不明',
};

export const B_ROUTE_LABELS: Record<string, string> = {
  NOT_SUBSCRIBED: '未申込',
  PENDING: '申込中',
  ACTIVE: '提供中',
  TERMINATED: '廃止済み',
};

export const POINT_KIND_LABELS: Record<string, string> = {
  SUPPLY: '供給地点特定番号',
  RECEPTION: '受電地点特定番号',
};

/** The security log's kinds (`SecurityEvent.type`), as an auditor reads them. */
export const SECURITY_EVENT_LABELS: Record<string, string> = {
  LOGIN_FAILED: 'ログイン失敗',
  LOGIN_THROTTLED: 'ログイン制限（失敗の回数超過）',
  ACCOUNT_LOCKED: 'アカウントロック',
  MFA_FAILED: '確認コード（二要素認証）の誤り',
  ACCESS_DENIED: '権限のない操作の拒否',
  RATE_LIMITED: '操作制限（回数超過）',
  LOGOUT: 'ログアウト',
  STAFF_ACT: '担当者の操作',
};

const JAPAN = { timeZone: 'Asia/Tokyo' } as const;

/** `2026-04-02` or an instant → `2026/04/02` (the day in Japan). */
export function formatDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value.replaceAll('-', '/');
  const parts = new Intl.DateTimeFormat('ja-JP', {
    ...JAPAN,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(value));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}/${part('month')}/${part('day')}`;
}

/** An instant → `2026/04/02 09:15:30` in Japan time. */
export function formatDateTime(value: string): string {
  const time = new Intl.DateTimeFormat('ja-JP', {
    ...JAPAN,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(value));
  return `${formatDate(value)} ${time}`;
}

/** An instant → `2026/04/02 10:00` in Japan time. */
export function formatMinute(value: string): string {
  return formatDateTime(value).slice(0, -3);
}

/** Today in Japan, `YYYY-MM-DD`. */
export function japanToday(): string {
  return new Intl.DateTimeFormat('sv-SE', JAPAN).format(new Date());
}

/** The start of a day in Japan (`YYYY-MM-DD`, 00:00 +09:00) as an instant (ISO). */
export function startOfJapanDay(day: string): string {
  return new Date(`${day}T00:00:00+09:00`).toISOString();
}

/** Days from `today` to `day`, both `YYYY-MM-DD`. */
export function daysBetween(today: string, day: string): number {
  return Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const toHalfWidth = (text: string) =>
  text.replace(/[０-９／：－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();

/** `2026/04/02`, `2026/4/2`, `2026-04-02` or `20260402` → `2026-04-02`; null if no such day. */
export function parseDay(text: string): string | null {
  const match = /^(\d{4})[/-]?(\d{1,2})[/-]?(\d{1,2})$/.exec(toHalfWidth(text));
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** `2026/04/02 10:30` in Japan time → an instant (ISO); null if not a real time. */
export function parseJapanDateTime(text: string): string | null {
  const match = /^(\S+)\s+(\d{1,2}):(\d{2})$/.exec(toHalfWidth(text));
  const day = match ? parseDay(match[1] ?? '') : null;
  if (!match || !day || Number(match[2]) > 23 || Number(match[3]) > 59) return null;
  const time = `${match[2]?.padStart(2, '0')}:${match[3]}:00+09:00`;
  return new Date(`${day}T${time}`).toISOString();
}
