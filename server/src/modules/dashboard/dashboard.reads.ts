import type { AppContext } from '../../core/context.js';
import { selectParts } from '../../core/orm/scalar-parts.js';
import { ownFileOf, policyOf, teamSizePart } from '../employee/index.js';
import { KpiGlanceService } from '../kpi/index.js';
import { TaskService } from '../task/index.js';

/** A read computed once per request though several widgets show parts of it. */
function oncePerRequest<T>(read: (ctx: AppContext) => Promise<T>): (ctx: AppContext) => Promise<T> {
  const results = new WeakMap<AppContext, Promise<T>>();
  return (ctx) => {
    let result = results.get(ctx);
    if (!result) {
      result = read(ctx);
      results.set(ctx, result);
    }
    return result;
  };
}

/**
 * The counters of tasks, indicators and the team, each module's part of one statement: the tasks
 * and KPI widgets and the team block show pieces of it.
 */
export const counters = oncePerRequest(async (ctx) => {
  const [tasks, kpi] = await Promise.all([
    new TaskService(ctx).openSummaryPart(),
    new KpiGlanceService(ctx).glancePart(),
  ]);
  const [summary, glance, teamSize] = await selectParts(ctx.em, [tasks, kpi, teamSizePart(ctx)]);
  return { summary, glance, teamSize: teamSize ?? 0 };
});
/**
 * The own file with the sections the viewer reads in it. The blocks that read sections go on from
 * this one promise together, so their rows are asked in the same tick and read in one statement.
 */
export const ownSections = oncePerRequest(async (ctx) => {
  const employee = await ownFileOf(ctx);
  return employee ? { employee, readable: await policyOf(ctx).sections(employee) } : null;
});
