import { rowsByOwner } from '../../core/orm/loaders.js';
import { EvaluationEvent, IndicatorValue } from './kpi.entity.js';

/** A sheet's values, in the order their indicators were planned. */
export const sheetValuesLoader = rowsByOwner(IndicatorValue, 'sheet', { id: 'asc' });

/** A sheet's steps, oldest first. */
export const sheetEventsLoader = rowsByOwner(EvaluationEvent, 'sheet', { id: 'asc' });
