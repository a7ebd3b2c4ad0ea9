/**
 * Performance indicators (показатели эффективности): catalogue, evaluation sheets and their approval.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { IndicatorResolver } from './kpi-catalogue.resolver.js';
export {
  EvaluationEventResolver,
  EvaluationSheetFieldsResolver,
  IndicatorValueResolver,
} from './kpi-fields.resolver.js';
export { KpiGlanceService, type KpiGlance } from './kpi-glance.service.js';
export { KpiReadService } from './kpi-reads.service.js';
export {
  EvaluationEvent,
  EvaluationSheet,
  Indicator,
  IndicatorAssignment,
  IndicatorValue,
  type SheetStatus,
} from './kpi.entity.js';
export { EvaluationSheetResolver } from './kpi.resolver.js';
export {
  achievement,
  periodOf,
  points,
  weightedTotal,
  type IndicatorDirection,
  type ScoringRule,
} from './kpi.rules.js';
export { EvaluationSheetGqlType } from './kpi.type.js';
