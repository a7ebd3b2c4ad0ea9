import { DefaultLogger, type LoggerNamespace, type LogContext } from '@mikro-orm/core';

/** Counts every SQL statement the ORM sends; tests and request logs read it to catch N+1 queries. */
export class QueryCounter {
  private total = 0;

  get count(): number {
    return this.total;
  }

  increment(): void {
    this.total += 1;
  }

  /** Runs `fn` and returns how many statements it sent (exact when nothing else runs meanwhile). */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = this.total;
    const result = await fn();
    return { result, statements: this.total - before };
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
    this.counter.increment();
    if (this.verbose) super.logQuery({ ...context, params: [] });
  }
}
