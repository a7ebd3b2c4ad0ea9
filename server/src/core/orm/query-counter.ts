import { DefaultLogger, type LoggerNamespace, type LogContext } from '@mikro-orm/core';

/** Counts every SQL statement the ORM sends; tests and request logs read it to catch N+1 queries. */
export class QueryCounter {
  private total = 0;
  private recording: string[] | null = null;

  get count(): number {
    return this.total;
  }

  increment(sql?: string): void {
    this.total += 1;
    if (sql !== undefined) this.recording?.push(sql);
  }

  /** Runs `fn` and returns how many statements it sent (exact when nothing else runs meanwhile). */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = this.total;
    const result = await fn();
    return { result, statements: this.total - before };
  }

  /** Runs `fn` and returns the statements it sent, placeholders unfilled (to see what to fold). */
  async record<T>(fn: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
    const sql: string[] = [];
    this.recording = sql;
    try {
      return { result: await fn(), sql };
    } finally {
      this.recording = null;
    }
  }
}

/**
 * MikroORM logger that feeds a QueryCounter and writes queries through the app's logger when enabled,
 * always with `$1` placeholders: parameters carry personal data, so no option can turn them on.
 */
export class CountingLogger extends DefaultLogger {
  constructor(
    options: ConstructorParameters<typeof DefaultLogger>[0],
    private readonly counter: QueryCounter,
    private readonly verbose: boolean,
  ) {
    super(options);
  }

  // MikroORM asks for 'query-params' (config or a query's `logging` option) to log values inlined.
  override isEnabled(namespace: LoggerNamespace, context?: LogContext): boolean {
    return namespace !== 'query-params' && super.isEnabled(namespace, context);
  }

  override logQuery(context: { query: string } & LogContext): void {
    this.counter.increment(context.query);
    if (this.verbose) super.logQuery({ ...context, params: [] });
  }
}
