import { rowsByOwner } from '../../core/orm/loaders.js';
import { IndicatorValue } from './kpi.entity.js';

/** A sheet's values, in the order their indicators were planned. */
export const sheetValuesLoader = rowsByOwner(IndicatorValue, 'sheet', { id: 'asc' });
