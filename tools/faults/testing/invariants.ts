import type { ReceivedMail, SmtpTestServer } from '@app/notifications/testing';
import { pause } from './api-process';
import { readApplication, searchAll, submit, type Customer, type Submission } from './customers';

const MAIL_WAIT_MS = 90_000;

/** What the checks found after a scenario; the table prints these. */
export interface ScenarioRow {
  readonly scenario: string;
  readonly storage: string;
  readonly requests: number;
  readonly acknowledged: number;
  readonly notAcknowledged: number;
  /** Acknowledged, but not readable, not found by search on some API, or unmailed. */
  readonly lost: number;
  readonly unmailed: number;
  readonly duplicatedMails: number;
  /** A mail sent again must be the same message: the same Message-ID. */
  readonly duplicatesWithAnotherMessageId: number;
  readonly danglingClaims: number;
  readonly registryProblems: readonly string[];
  readonly http5xx: number;
  readonly internalErrors: number;
  readonly unavailable: number;
  /** Unacknowledged submissions sent again on the same point and accepted: the first did not land. */
  readonly resubmitted: number;
  /** Unacknowledged submissions that had landed (the second NEW finds the point claimed). */
  readonly landedUnanswered: number;
  /** Resubmissions refused for another reason than the first having landed. */
  readonly resubmissionsRefused: number;
  readonly historyIntact: boolean;
  readonly historyOutput: string;
  readonly faultSeconds: number;
  readonly recoverySeconds: number | null;
  readonly kills: number;
}

export interface OutcomeInput {
  readonly urls: readonly string[];
  readonly run: number;
  readonly customers: readonly Customer[];
  readonly submissions: readonly Submission[];
  readonly smtp: SmtpTestServer;
}

type Outcome = Omit<
  ScenarioRow,
  | 'scenario'
  | 'storage'
  | 'danglingClaims'
  | 'registryProblems'
  | 'historyIntact'
  | 'historyOutput'
  | 'faultSeconds'
  | 'recoverySeconds'
  | 'kills'
>;

/**
 * The online half of the checks, with the APIs up: each acknowledged application readable by
 * its customer and found by its customer's search on every API; each unacknowledged one sent
 * again on its point (accepted means the first did not land; CONFLICT that it did); each
 * acknowledged applicant mailed, once, or again with the same Message-ID.
 */
export async function checkOutcome(input: OutcomeInput): Promise<Outcome> {
  const { urls, submissions } = input;
  const url = urls[0] ?? '';
  const acknowledged = submissions.filter((s) => s.id !== undefined);
  const ackedPoints = new Set(acknowledged.map((s) => s.pointId));
  const unanswered = submissions.filter((s) => s.id === undefined && !ackedPoints.has(s.pointId));

  const unreadable = new Set<number>();
  const byCustomer = new Map<Customer, Submission[]>();
  for (const s of acknowledged)
    byCustomer.set(s.customer, [...(byCustomer.get(s.customer) ?? []), s]);
  await Promise.all(
    [...byCustomer].map(async ([customer, own]) => {
      for (const s of own) {
        const answer = await readApplication(url, customer, s.id ?? -1);
        const read = answer.data?.application as { id?: number } | null | undefined;
        if (read?.id !== s.id) unreadable.add(s.id ?? -1);
      }
      for (const each of urls) {
        const found = await searchAll(each, customer);
        for (const s of own) if (!found.has(s.id ?? -1)) unreadable.add(s.id ?? -1);
      }
    }),
  );

  let resubmitted = 0;
  let landedUnanswered = 0;
  let resubmissionsRefused = 0;
  const resubmittedAcks: Submission[] = [];
  const unansweredByCustomer = new Map<Customer, Submission[]>();
  for (const s of unanswered)
    unansweredByCustomer.set(s.customer, [...(unansweredByCustomer.get(s.customer) ?? []), s]);
  await Promise.all(
    [...unansweredByCustomer].map(async ([customer, own]) => {
      const seen = new Set<string>();
      for (const s of own) {
        if (seen.has(s.pointId)) continue;
        seen.add(s.pointId);
        const again = await submit(url, input.run, customer, s.n);
        if (again.id !== undefined) {
          resubmitted += 1;
          resubmittedAcks.push(again);
        } else if (again.answer.code === 'CONFLICT') landedUnanswered += 1;
        else resubmissionsRefused += 1;
      }
    }),
  );

  const mailed = await mailsTo(
    input.smtp,
    [...acknowledged, ...resubmittedAcks].map((s) => s.applicantEmail),
  );
  let unmailed = 0;
  let duplicatedMails = 0;
  let duplicatesWithAnotherMessageId = 0;
  for (const s of acknowledged) {
    const mails = mailed.get(s.applicantEmail) ?? [];
    if (mails.length === 0) unmailed += 1;
    duplicatedMails += Math.max(0, mails.length - 1);
    duplicatesWithAnotherMessageId += mails.filter(
      (m) => m.messageId !== mails[0]?.messageId,
    ).length;
  }
  const answers = submissions.map((s) => s.answer);
  return {
    requests: submissions.length,
    acknowledged: acknowledged.length,
    notAcknowledged: submissions.length - acknowledged.length,
    lost: new Set([...unreadable]).size,
    unmailed,
    duplicatedMails,
    duplicatesWithAnotherMessageId,
    http5xx: answers.filter((a) => a.status >= 500).length,
    internalErrors: answers.filter((a) => a.code === 'INTERNAL_SERVER_ERROR').length,
    unavailable: answers.filter((a) => a.code === 'UNAVAILABLE').length,
    resubmitted,
    landedUnanswered,
    resubmissionsRefused,
  };
}

/** The 申込み完了 mails to each address, once each has at least one (or the wait runs out). */
async function mailsTo(
  smtp: SmtpTestServer,
  addresses: readonly string[],
): Promise<Map<string, ReceivedMail[]>> {
  const wanted = new Set(addresses);
  const deadline = Date.now() + MAIL_WAIT_MS;
  for (;;) {
    const mailed = new Map<string, ReceivedMail[]>();
    for (const mail of smtp.received)
      for (const to of mail.envelopeTo)
        if (wanted.has(to)) mailed.set(to, [...(mailed.get(to) ?? []), mail]);
    if (mailed.size === wanted.size || Date.now() > deadline) return mailed;
    await pause(200);
  }
}

const COLUMNS: [string, (row: ScenarioRow) => string][] = [
  ['scenario', (r) => r.scenario],
  ['storage', (r) => r.storage],
  ['requests', (r) => String(r.requests)],
  ['acked', (r) => String(r.acknowledged)],
  ['lost', (r) => String(r.lost)],
  ['unmailed', (r) => String(r.unmailed)],
  ['dup mails', (r) => String(r.duplicatedMails)],
  ['dangling', (r) => String(r.danglingClaims)],
  ['5xx', (r) => String(r.http5xx)],
  ['internal', (r) => String(r.internalErrors)],
  ['UNAVAILABLE', (r) => String(r.unavailable)],
  ['resubmitted ok', (r) => String(r.resubmitted)],
  ['landed unanswered', (r) => String(r.landedUnanswered)],
  ['history', (r) => (r.historyIntact ? 'intact' : 'FINDINGS')],
  ['fault s', (r) => r.faultSeconds.toFixed(1)],
  ['recover s', (r) => (r.recoverySeconds === null ? 'NEVER' : r.recoverySeconds.toFixed(1))],
];

/** One line per scenario, columns aligned. */
export function formatTable(rows: readonly ScenarioRow[]): string {
  const cells = [
    COLUMNS.map(([title]) => title),
    ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row))),
  ];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => (line[i] ?? '').length)));
  const lines = cells.map((line) => line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
  return ['fault suite (issue 9)', ...lines].join('\n');
}
