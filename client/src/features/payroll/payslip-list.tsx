import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DataTable } from '../../components/data-table';
import { Card } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { PayslipsDocument, type PayslipSummaryFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { netOf } from './net';

/** Payslips by year, newest first; each month opens its payslip. */
export function PayslipList({ employeeId }: { employeeId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(PayslipsDocument, {
    variables: { employeeId: employeeId ?? null },
  });
  return (
    <QueryState data={data?.payslips} error={error} retry={refetch}>
      {(payslips) => {
        if (payslips.length === 0) return <Empty>{t('payroll.empty')}</Empty>;
        const years = new Map<number, PayslipSummaryFragment[]>();
        for (const payslip of payslips) {
          const list = years.get(payslip.period.year) ?? [];
          list.push(payslip);
          years.set(payslip.period.year, list);
        }
        return (
          <div data-testid="payslip-list">
            {[...years].map(([year, list]) => (
              <Card key={year} title={String(year)}>
                <DataTable
                  caption={`${t('payroll.list')}, ${year}`}
                  captionHidden
                  columns={[
                    { key: 'month', label: t('payroll.month'), primary: true },
                    { key: 'accrued', label: t('payroll.accrued'), numeric: true, secondary: true },
                    {
                      key: 'deducted',
                      label: t('payroll.deducted'),
                      numeric: true,
                      secondary: true,
                    },
                    { key: 'net', label: t('payroll.netPay'), numeric: true },
                  ]}
                  rows={list.map((payslip) => ({
                    key: payslip.id,
                    cells: {
                      month: (
                        <>
                          <Link to={`/payslips/${payslip.id}`} className="strong-link">
                            {format.monthYear(payslip.period.year, payslip.period.month)}
                          </Link>
                          {payslip.status === 'ADVANCE' ? (
                            <span className="pill">{t('payroll.statusADVANCE')}</span>
                          ) : null}
                        </>
                      ),
                      accrued: format.money(payslip.totals.accrued),
                      deducted: format.money(payslip.totals.deducted),
                      net: <strong>{format.money(netOf(payslip.totals))}</strong>,
                    },
                  }))}
                />
              </Card>
            ))}
          </div>
        );
      }}
    </QueryState>
  );
}
