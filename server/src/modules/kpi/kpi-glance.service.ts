import type { Knex } from '@mikro-orm/postgresql';
import { rowAsJson } from '../../core/orm/json-row.js';
import type { ScalarPart } from '../../core/orm/scalar-parts.js';
import { policyOf } from '../employee/index.js';
import { TaskPolicy } from '../task/index.js';
import { EvaluationSheet, IndicatorValue } from './kpi.entity.js';
import { sheetValuesLoader } from './kpi.loaders.js';
import { awaitingFilters } from './kpi.policy.js';
import { periodOf } from './kpi.rules.js';
import { KpiUseCase } from './kpi.use-case.js';

/** The viewer's indicators at a glance: what the dashboard shows of them. */
export interface KpiGlance {
  /** This month's sheet of the viewer; its values are already in the request's loader. */
  current: EvaluationSheet | null;
  lastApproved: EvaluationSheet | null;
  /** How many sheets wait for the viewer's step (a manager's team, HR's organization). */
  pendingApprovals: number;
}

/** The dashboard's reading of indicators. */
export class KpiGlanceService extends KpiUseCase {
  /**
   * The viewer's own sheets and the count of sheets waiting for them, as a part of a statement (the
   * dashboard's counters): this month's sheet with its values and the last approved one as jsonb,
   * the waiting sheets counted with the team as a sub-select.
   */
  async glancePart(): Promise<ScalarPart<KpiGlance>> {
    const { em } = this.ctx;
    const knex = em.getKnex();
    const filters = awaitingFilters(this.viewer, policyOf(this.ctx).teamScopeInline());
    const columns: Record<string, Knex.QueryBuilder | Knex.Raw> = {
      pending:
        filters.length === 0
          ? knex.raw('0')
          : em.createQueryBuilder(EvaluationSheet).count().where({ $or: filters }).getKnexQuery(),
    };
    const employeeId = this.viewer.employeeId;
    const period = periodOf('MONTH', await new TaskPolicy(this.viewer, this.ctx).today()).code;
    if (employeeId) {
      columns['sheets'] = knex.raw(
        `(select coalesce(jsonb_agg(${rowAsJson(em, EvaluationSheet, 's')}), '[]')
            from evaluation_sheet s
           where s.employee_id = ? and (s.period = ? or s.id = (
                 select a.id from evaluation_sheet a where a.employee_id = ? and a.status = 'APPROVED'
                  order by a.period_start desc limit 1)))`,
        [employeeId, period, employeeId],
      );
      columns['values'] = knex.raw(
        `(select coalesce(jsonb_agg(${rowAsJson(em, IndicatorValue, 'v')} order by v.id), '[]')
            from indicator_value v join evaluation_sheet s on s.id = v.sheet_id
           where s.employee_id = ? and s.period = ?)`,
        [employeeId, period],
      );
    }
    return { columns, read: (row) => this.read(row, period) };
  }

  private read(row: Readonly<Record<string, unknown>>, period: string): KpiGlance {
    const { em } = this.ctx;
    const sheets = ((row['sheets'] ?? []) as object[]).map((sheet) =>
      em.map(EvaluationSheet, sheet),
    );
    const current = sheets.find((sheet) => sheet.period === period) ?? null;
    if (current) {
      const values = ((row['values'] ?? []) as object[]).map((value) =>
        em.map(IndicatorValue, value),
      );
      this.ctx.loaders.get(sheetValuesLoader).prime(current.id, values);
    }
    // The latest approved of the two is the last approved (this month's may be it).
    const approved = sheets
      .filter((sheet) => sheet.status === 'APPROVED')
      .sort((a, b) => b.periodStart.localeCompare(a.periodStart));
    return {
      current,
      lastApproved: approved[0] ?? null,
      pendingApprovals: Number(row['pending'] ?? 0),
    };
  }
}
