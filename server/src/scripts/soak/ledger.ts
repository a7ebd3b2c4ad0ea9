import pg from 'pg';
import type { Subscription } from './subscribers.js';

/** A user's notifications as the database has them: id → seq. */
type Written = Map<string, Map<string, number>>;

export interface Tally {
  /** Notifications written for the subscribed users since they subscribed. */
  written: number;
  /** Deliveries owed: each of those, once to every subscription of its recipient. */
  expected: number;
  received: number;
  lost: number;
  duplicated: number;
  /** Received but not owed (someone else's, or from before the subscription's cursor). */
  unexpected: number;
  /** Deliveries that came after one with a higher seq on the same subscription. */
  outOfOrder: number;
}

/**
 * The database side of the count: what each subscription was owed is every notification of its
 * user with a seq past the one its starting cursor names.
 */
export class Ledger {
  private readonly startSeq = new Map<string, number>();

  private constructor(private readonly client: pg.Client) {}

  static async open(url: string): Promise<Ledger> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new Ledger(client);
  }

  /** Each user's latest notification now (id and seq): where their subscriptions start. */
  async cursors(userIds: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.client.query<{
      recipient_user_id: string;
      id: string;
      seq: string;
    }>(
      `select distinct on (recipient_user_id) recipient_user_id, id, seq from notification
        where recipient_user_id = any($1::uuid[]) order by recipient_user_id, seq desc`,
      [userIds],
    );
    const cursors = new Map<string, string>();
    for (const userId of userIds) this.startSeq.set(userId, 0);
    for (const row of rows) {
      cursors.set(row.recipient_user_id, row.id);
      this.startSeq.set(row.recipient_user_id, Number(row.seq));
    }
    return cursors;
  }

  async users(limit: number, hrLogin: string): Promise<{ id: string; login: string }[]> {
    const { rows } = await this.client.query<{ id: string; login: string }>(
      `select id, login from app_user where status = 'ACTIVE' and (login = $1 or employee_id is not null)
        order by login = $1 desc, login limit $2`,
      [hrLogin, limit],
    );
    return rows;
  }

  private async written(): Promise<Written> {
    const userIds = [...this.startSeq.keys()];
    const { rows } = await this.client.query<{
      recipient_user_id: string;
      id: string;
      seq: string;
    }>(
      `select recipient_user_id, id, seq from notification where recipient_user_id = any($1::uuid[])`,
      [userIds],
    );
    const written: Written = new Map(userIds.map((id) => [id, new Map<string, number>()]));
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq > this.startSeq.get(row.recipient_user_id)!)
        written.get(row.recipient_user_id)!.set(row.id, seq);
    }
    return written;
  }

  async tally(subscriptions: readonly Subscription[]): Promise<Tally> {
    const written = await this.written();
    const tally: Tally = {
      written: [...written.values()].reduce((total, items) => total + items.size, 0),
      expected: 0,
      received: 0,
      lost: 0,
      duplicated: 0,
      unexpected: 0,
      outOfOrder: 0,
    };
    for (const subscription of subscriptions) {
      const owed = written.get(subscription.userId) ?? new Map<string, number>();
      tally.expected += owed.size;
      for (const id of owed.keys()) if (!subscription.received.has(id)) tally.lost += 1;
      for (const [id, times] of subscription.received) {
        tally.received += times;
        tally.duplicated += times - 1;
        if (!owed.has(id)) tally.unexpected += 1;
      }
      let highest = 0;
      for (const id of subscription.order) {
        const seq = owed.get(id) ?? 0;
        if (seq < highest) tally.outOfOrder += 1;
        highest = Math.max(highest, seq);
      }
    }
    return tally;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
