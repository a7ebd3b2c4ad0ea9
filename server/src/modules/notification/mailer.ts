import type { EntityManager } from '@mikro-orm/postgresql';
import { createTransport, type NodemailerError } from 'nodemailer';
import type { Logger } from 'pino';
import type { AppPubSub } from '../../core/topics.js';
import { inSystemUnit } from '../../core/unit-of-work.js';
import type { MailConfig } from '../../config/env.js';
import type { Orm } from '../../core/orm/orm.js';
import { composeNotificationMail } from './mail.message.js';
import {
  claimEmails,
  markFailed,
  markSent,
  purgeFinishedEmails,
  type ClaimedEmail,
} from './outbox.js';

/** E-mails claimed at a time; small, so a claim's lease always outlasts the sends it covers. */
const BATCH = 10;
/** How long a claim holds: a sender that has not finished by then is presumed dead. */
const LEASE_MS = 10 * 60_000;
const MAX_RETRY_MS = 60 * 60_000;
/** A notification not mailed within this long is not mailed at all: the portal has shown it. */
const STALE_AFTER_MS = 72 * 60 * 60_000;
/** Sent and failed rows are kept this long for inspection, then deleted. */
const RETENTION_DAYS = 90;
const PURGE_EVERY_MS = 60 * 60_000;
/** The longest pause between polls while the database cannot be reached. */
const MAX_IDLE_MS = 60_000;

export interface MailerStats {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends the e-mail outbox over SMTP. It drains when told that mail was queued (EMAIL_QUEUED, from
 * any instance) and polls in between; claims are taken with FOR UPDATE SKIP LOCKED and fenced by
 * the attempt number, so several server processes never send one e-mail twice (short of a crash
 * between the SMTP server's acceptance and the row's update: delivery is at least once).
 */
export class Mailer {
  readonly stats: MailerStats = { sent: 0, retried: 0, failed: 0 };
  private readonly transport;
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failures = 0;
  private lastPurge = 0;
  private stopListening: () => Promise<unknown> = async () => undefined;

  constructor(
    private readonly orm: Orm,
    private readonly pubSub: AppPubSub,
    private readonly config: MailConfig,
    private readonly publicUrl: string,
    logger: Logger,
  ) {
    this.logger = logger.child({ component: 'mailer' });
    this.transport = createTransport({
      url: config.smtpUrl,
      pool: true,
      maxConnections: 2,
      idleTimeout: 30_000,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
  }

  /** Starts listening for queued mail and drains what is already due. */
  start(): void {
    const wakeups = this.pubSub.subscribe('EMAIL_QUEUED');
    this.stopListening = async () => wakeups.return();
    void (async () => {
      for await (const _event of wakeups) this.kick();
    })().catch((error: unknown) => this.logger.error({ err: error }, 'wake-up listener failed'));
    this.kick();
  }

  /** Stops polling, lets the batch under way finish, and closes the SMTP connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.stopListening();
    await this.draining;
    this.transport.close();
  }

  /** Drains now, or once more right after the drain under way. */
  private kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.draining = this.drain()
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.failures += 1;
        this.logger.error({ err: error }, 'outbox drain failed');
      })
      .finally(() => {
        this.draining = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.kick();
          return;
        }
        // Backs off while the database cannot be reached, never polling more often than asked.
        const backoff = Math.min(this.config.pollMs * 2 ** this.failures, MAX_IDLE_MS);
        this.timer = setTimeout(() => this.kick(), Math.max(backoff, this.config.pollMs));
      });
  }

  /** Each step on the outbox is its own unit of work; no transaction is held while SMTP talks. */
  private write<T>(step: (em: EntityManager) => Promise<T>): Promise<T> {
    return inSystemUnit(this.orm.em.fork(), null, this.logger, (unit) => step(unit.em));
  }

  private async drain(): Promise<void> {
    if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = Date.now();
      const purged = await this.write((em) => purgeFinishedEmails(em, RETENTION_DAYS));
      if (purged > 0) this.logger.info({ purged }, 'old outbox rows deleted');
    }
    const sentBefore = this.stats.sent;
    while (!this.stopped) {
      const batch = await this.write((em) => claimEmails(em, BATCH, LEASE_MS));
      await Promise.all(batch.map((claim) => this.deliver(claim)));
      if (batch.length < BATCH) break;
    }
    const sent = this.stats.sent - sentBefore;
    if (sent > 0) this.logger.info({ sent }, 'e-mails sent');
  }

  private async deliver(claim: ClaimedEmail): Promise<void> {
    const log = this.logger.child({
      notificationId: claim.notificationId,
      attempt: claim.attempts,
    });
    if (!claim.address) {
      return this.giveUp(claim, 'The recipient has no e-mail address or is not active', log);
    }
    if (Date.now() - claim.createdAt.getTime() > STALE_AFTER_MS) {
      return this.giveUp(claim, 'Not sent within 72 hours of the notification', log);
    }
    try {
      await this.transport.sendMail(
        composeNotificationMail(
          { ...claim, address: claim.address },
          { from: this.config.from, publicUrl: this.publicUrl },
        ),
      );
    } catch (error) {
      return this.failed(claim, error, log);
    }
    if (await this.write((em) => markSent(em, claim))) {
      this.stats.sent += 1;
      log.debug('e-mail sent');
    } else {
      log.warn('e-mail sent after its claim had lapsed');
    }
  }

  private async failed(claim: ClaimedEmail, error: unknown, log: Logger) {
    const reason = describeSendError(error);
    if (isPermanentRejection(error) || claim.attempts >= this.config.maxAttempts) {
      return this.giveUp(claim, reason, log);
    }
    const retryInMs = Math.min(this.config.retryMs * 2 ** (claim.attempts - 1), MAX_RETRY_MS);
    await this.write((em) => markFailed(em, claim, reason, retryInMs));
    this.stats.retried += 1;
    log.info({ reason, retryInMs }, 'e-mail not sent; will retry');
  }

  private async giveUp(claim: ClaimedEmail, reason: string, log: Logger) {
    await this.write((em) => markFailed(em, claim, reason, null));
    this.stats.failed += 1;
    log.warn({ reason }, 'e-mail failed for good');
  }
}

/**
 * The SMTP server refused this message or its recipient for good (5xx to RCPT TO or DATA), or the
 * address cannot be sent to at all: retrying would only fail again. Anything else (a refused
 * connection, a failed login, a 4xx, a 5xx to MAIL FROM, which is the sender's setup) may pass
 * later.
 */
export function isPermanentRejection(error: unknown): boolean {
  const e = error as Partial<NodemailerError>;
  if (e.code === 'EENVELOPE' && e.command === 'API') return true;
  return e.permanent === true && (e.command === 'RCPT TO' || e.command === 'DATA');
}

const addressPattern = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/** A failure in one line for the log and the outbox row, with every e-mail address blanked out. */
export function describeSendError(error: unknown): string {
  const e = error as Partial<NodemailerError>;
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
  const code = [e.code, e.responseCode].filter((part) => part !== undefined).join(' ');
  return `${code ? `${code}: ` : ''}${message}`.replace(addressPattern, '<address>').slice(0, 1000);
}
