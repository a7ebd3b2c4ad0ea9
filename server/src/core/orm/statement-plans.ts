import { Cursor, Utils } from '@mikro-orm/core';

/** A statement as knex hands it over: its text with `?` placeholders, and the values in order. */
export interface Statement {
  sql: string;
  bindings: readonly unknown[];
}

/** Where each value of a planned statement comes from: a value of the call, or a constant. */
type Slot = { readonly leaf: number } | { readonly constant: unknown };

interface Plan {
  readonly sql: string;
  readonly slots: readonly Slot[];
}

/** Shapes kept; past this many the oldest goes (a shape per list and filter, a few dozen in use). */
const MAX_PLANS = 500;

/**
 * The place of value `index` while a plan is written (a private-use character frames it): every
 * string of the filter is a value and so replaced, and nothing else of a call reaches the builder.
 */
const marker = (index: number) => `\uE000kabinet-value-${index}\uE000`;
const MARKED = /^\uE000kabinet-value-(\d+)\uE000$/;

/**
 * The shape of a filter or cursor value with its values taken out (into `leaves`, in order), or
 * null when it holds something a plan cannot stand in for (an entity, a raw fragment, an instant). `null` and
 * booleans stay in the shape: they change the statement (`is null`), not only its values.
 */
function shapeOf(value: unknown, leaves: unknown[]): string | null {
  if (value === null || value === undefined) return 'n';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'string' || typeof value === 'number') {
    leaves.push(value);
    return typeof value === 'string' ? 's' : 'd';
  }
  // MikroORM may convert an instant for its column where it would pass a marker through as it is.
  if (value instanceof Date) return null;
  if (Array.isArray(value)) {
    const items = value.map((item) => shapeOf(item, leaves));
    return items.includes(null) ? null : `[${items.join(',')}]`;
  }
  if (Utils.isPlainObject(value)) {
    const entries = Object.keys(value).map((key) => {
      const shape = shapeOf((value as Record<string, unknown>)[key], leaves);
      return shape === null ? null : `${JSON.stringify(key)}:${shape}`;
    });
    return entries.includes(null) ? null : `{${entries.join(',')}}`;
  }
  return null;
}

/** `value` with its values replaced, in `shapeOf`'s order, by what `next` gives. */
function replaceLeaves(value: unknown, next: () => unknown): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (typeof value === 'string' || typeof value === 'number') return next();
  if (Array.isArray(value)) return value.map((item) => replaceLeaves(item, next));
  const replaced: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    replaced[key] = replaceLeaves((value as Record<string, unknown>)[key], next);
  }
  return replaced;
}

/** A plan from a statement written with markers, or null if a value did not pass through as is. */
function planOf(marked: Statement, leafCount: number): Plan | null {
  if (marked.sql.includes('\uE000')) return null;
  const seen = new Set<number>();
  const slots: Slot[] = [];
  for (const binding of marked.bindings) {
    if (typeof binding === 'string' && binding.includes('\uE000')) {
      const match = MARKED.exec(binding);
      if (!match) return null;
      seen.add(Number(match[1]));
      slots.push({ leaf: Number(match[1]) });
    } else {
      slots.push({ constant: binding });
    }
  }
  return seen.size === leafCount ? { sql: marked.sql, slots } : null;
}

/**
 * Statements written once per shape (issue 18). MikroORM's query builder turns a filter, an order
 * and a cursor into SQL anew on every call: on a 50-row list that was a tenth of the request's CPU,
 * for the same text each time with other values. Here a call's filter and cursor are reduced to
 * their shape (keys, operators, list lengths, nulls) and values; the first call of a shape has the
 * builder write the statement with a marker in place of each value, and every later call puts its
 * own values in the markers' places. A shape whose values do not come through the builder as they
 * were given (converted, inlined, folded into a pattern) is never planned: `compile` writes it anew
 * every time, as before.
 */
export class StatementPlans {
  private readonly plans = new Map<string, Plan | null>();

  /** How many shapes have a plan (a shape that could not be planned is remembered as such). */
  get planned(): number {
    return [...this.plans.values()].filter((plan) => plan !== null).length;
  }

  /**
   * The statement for `where` and `after` under `key` (what else shapes it: the entity, the order,
   * the limit, the joins); `write` is the builder, given the filter and cursor to write.
   */
  compile(
    key: string,
    where: unknown,
    after: string | undefined,
    write: (where: unknown, after: string | undefined) => Statement,
  ): Statement {
    const leaves: unknown[] = [];
    const whereShape = shapeOf(where, leaves);
    const cursor = after === undefined ? undefined : decodeCursor(after);
    const cursorShape = cursor === undefined ? '-' : cursor && shapeOf(cursor, leaves);
    if (whereShape === null || cursorShape === null) return write(where, after);
    const shape = `${key}|${whereShape}|${cursorShape}`;
    let plan = this.plans.get(shape);
    if (plan === undefined) {
      let index = 0;
      const markedWhere = replaceLeaves(where, () => marker(index++));
      const markedAfter = cursor
        ? Cursor.encode(replaceLeaves(cursor, () => marker(index++)) as unknown[])
        : undefined;
      plan = planOf(write(markedWhere, markedAfter), leaves.length);
      this.remember(shape, plan);
    }
    if (plan === null) return write(where, after);
    return {
      sql: plan.sql,
      bindings: plan.slots.map((slot) => ('leaf' in slot ? leaves[slot.leaf] : slot.constant)),
    };
  }

  private remember(shape: string, plan: Plan | null): void {
    if (this.plans.size >= MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(shape, plan);
  }
}

/** A cursor's values as MikroORM reads them (ISO instants as Dates: never planned), or null. */
function decodeCursor(after: string): unknown[] | null {
  try {
    const values = Cursor.decode(after) as unknown;
    return Array.isArray(values) ? values : null;
  } catch {
    return null;
  }
}
