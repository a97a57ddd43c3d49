import { MAIL_SECRET_RETENTION_DAYS } from '../ledger/ledger-mail-secrets';
import { setTimeout as delay } from 'node:timers/promises';
import { isStoreUnreachable, PII_ERASED, PiiVault } from '@app/event-sourcing';
import type { DataSource } from 'typeorm';
import type { MailMessage } from '../mail/mail-message';
import type { MailLogger, MailTransport } from '../mail/mail-transport.port';
import type { ClaimedDelivery } from '../ledger/mail-delivery';
import type { MailLedger } from '../ledger/mail-ledger';
import type { TemplateContext } from '../templates/mail-template';
import { parseMailContent } from '../templates/mail-content.schema';
import { renderMail } from '../templates/mail-templates';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy';

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface MailDispatcherOptions {
  readonly dataSource: DataSource;
  readonly ledger: MailLedger;
  readonly transport: MailTransport;
  /** Opens the vault tokens in the ledger, only for the time of sending. */
  readonly vault: Pick<PiiVault, 'decrypt'>;
  /** The no-reply sender (ACC-8). */
  readonly from: string;
  readonly templates: TemplateContext;
  readonly logger: MailLogger;
  readonly clock?: () => Date;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly retry?: RetryPolicy;
  readonly batchSize?: number;
  /** How long a claimed row stays with this dispatcher; longer than any one send may take. */
  readonly leaseMs?: number;
  readonly pollIntervalMs?: number;
}

export interface DispatchResult {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
}

type Outcome = keyof DispatchResult;

const ERASED_ERROR = 'personal data erased (ACC-7); not sent';
const DEFAULT_LEASE_MS = 5 * 60_000;
/** The longest wait before asking an unreachable database again. */
const RECONNECT_MAX_MS = 1000;

/**
 * Sends the due rows of the delivery ledger. Any number of dispatchers may run on one ledger: a
 * row is claimed by one at a time; a failed send is retried with backoff up to the policy's
 * limit; a dispatcher dying between sending and recording leaves the row to be sent again, with
 * the same Message-ID, once its lease runs out.
 */
export class MailDispatcher {
  private readonly clock: () => Date;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly retry: RetryPolicy;
  private abort = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly options: MailDispatcherOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.loop = this.run(this.abort.signal);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    this.loop = undefined;
  }

  /** Claims one batch of due rows and sends them. */
  async runOnce(): Promise<DispatchResult> {
    const { dataSource, ledger, batchSize = 20, leaseMs = DEFAULT_LEASE_MS } = this.options;
    const now = this.clock();
    await ledger.purgeSecrets(
      dataSource,
      new Date(now.getTime() - MAIL_SECRET_RETENTION_DAYS * 24 * 60 * 60_000),
    );
    const claimed = await ledger.claimDue(
      dataSource,
      now,
      new Date(now.getTime() + leaseMs),
      batchSize,
    );
    // Past half the lease, the rest of the batch goes back: another dispatcher could otherwise
    // claim a row again while this one is still about to send it.
    const giveBackAfter = now.getTime() + leaseMs / 2;
    const result = { sent: 0, retried: 0, failed: 0 };
    for (const delivery of claimed) {
      if (this.clock().getTime() > giveBackAfter)
        await ledger.release(dataSource, delivery, this.clock());
      else result[await this.deliver(delivery)] += 1;
    }
    return result;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const result = await this.runOnce();
        failures = 0;
        if (result.sent + result.retried + result.failed === 0)
          await this.sleep(this.options.pollIntervalMs ?? 1000, signal);
      } catch (error) {
        failures += 1;
        // The retry policy is for mail servers; a database that is back is used again at once.
        if (isStoreUnreachable(error)) {
          this.options.logger.warn(
            `mail dispatch: the database is unreachable (attempt ${failures})`,
            error,
          );
          await this.sleep(Math.min(RECONNECT_MAX_MS, 100 * 2 ** (failures - 1)), signal);
        } else {
          this.options.logger.error(`mail dispatch failed (attempt ${failures})`, error);
          await this.sleep(retryDelayMs(this.retry, failures, this.random()), signal);
        }
      }
    }
  }

  private async deliver(delivery: ClaimedDelivery): Promise<Outcome> {
    const { dataSource, ledger, logger } = this.options;
    try {
      const message = await this.compose(delivery);
      if (message === null) {
        await ledger.markFailed(dataSource, delivery, ERASED_ERROR);
        return 'failed';
      }
      await this.options.transport.send(message);
    } catch (error) {
      const reason = describe(error);
      if (delivery.attempts >= this.retry.maxAttempts) {
        logger.error(
          `mail ${delivery.messageId} failed after ${delivery.attempts} attempts`,
          reason,
        );
        await ledger.markFailed(dataSource, delivery, reason);
        return 'failed';
      }
      const wait = retryDelayMs(this.retry, delivery.attempts, this.random());
      logger.warn(`mail ${delivery.messageId} attempt ${delivery.attempts} failed`, reason);
      await ledger.markRetry(dataSource, delivery, new Date(this.clock().getTime() + wait), reason);
      return 'retried';
    }
    await this.recordSent(delivery);
    return 'sent';
  }

  /**
   * The mail is out: recording it must not be lost to a database that is away for a while, or
   * the row would be sent again once its lease runs out. Tried until it lands or the dispatcher
   * stops; should the lease run out meanwhile, the claim token keeps a later claimer's record.
   */
  private async recordSent(delivery: ClaimedDelivery): Promise<void> {
    const { dataSource, ledger } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        await ledger.markSent(dataSource, delivery, this.clock());
        return;
      } catch (error) {
        if (!isStoreUnreachable(error) || this.abort.signal.aborted) throw error;
        await this.sleep(Math.min(RECONNECT_MAX_MS, 100 * 2 ** (attempt - 1)), this.abort.signal);
      }
    }
  }

  /** The mail, or null when its recipient's personal data has been erased. */
  private async compose(delivery: ClaimedDelivery): Promise<MailMessage | null> {
    const to = await this.open(delivery.to);
    const params: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(delivery.params))
      params[field] = await this.open(value);
    const opened = [to, ...Object.values(params)];
    if (opened.includes(PII_ERASED)) return null;
    const rendered = renderMail(
      parseMailContent(delivery.template, params),
      this.options.templates,
    );
    return {
      messageId: delivery.messageId,
      from: this.options.from,
      to: String(to),
      subject: rendered.subject,
      text: rendered.text,
    };
  }

  private async open(value: unknown): Promise<unknown> {
    return PiiVault.isEncrypted(value) ? this.options.vault.decrypt(value) : value;
  }
}

async function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal }).catch(() => undefined);
}

// Issue 11 §5: an SMTP server's answer often names the recipient; the ledger and the logs keep
// the reason without it (the row's own address stays sealed).
const ADDRESS = /[^\s<>()[\]{}"',;:]+@[^\s<>()[\]{}"',;:]+/g;

function describe(error: unknown): string {
  const cause = error instanceof Error && 'cause' in error ? error.cause : undefined;
  const text = error instanceof Error ? error.message : String(error);
  const full = cause instanceof Error ? `${text}: ${cause.message}` : text;
  return full.replace(ADDRESS, '(recipient)');
}
