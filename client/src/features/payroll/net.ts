import { fromKopecks, kopecks } from '../../i18n/format';

/** На руки: accrued less deducted, exact to the kopeck. */
export const netOf = (totals: { accrued: string; deducted: string }): string =>
  fromKopecks(kopecks(totals.accrued) - kopecks(totals.deducted));
