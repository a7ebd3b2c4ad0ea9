import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { useMe } from '../../app/session';
import { DataTable } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { TextForm } from '../../components/text-form';
import { Card, Facts, Page } from '../../components/page';
import { Empty, ErrorNotice, QueryState } from '../../components/query-state';
import {
  AcknowledgePayslipDocument,
  PayslipDocument,
  QuestionPayslipLineDocument,
  type PayslipLineItemFragment,
  type PayslipQuery,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { DownloadPdfButton } from './download-pdf';
import { netOf } from './net';

type Payslip = PayslipQuery['payslip'];

/** One payslip: totals, lines grouped by kind, what changed, PDF, acknowledgement and questions. */
export function PayslipPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(PayslipDocument, { variables: { id } });
  const payslip = data?.payslip;
  const month = payslip ? format.monthYear(payslip.period.year, payslip.period.month) : '';
  return (
    <Page
      title={payslip ? t('payroll.payslipTitle', { month }) : t('payroll.title')}
      actions={<Link to="/payslips">{t('payroll.backToList')}</Link>}
    >
      <QueryState data={payslip} error={error} retry={refetch}>
        {(payslip) => <PayslipBody payslip={payslip} />}
      </QueryState>
    </Page>
  );
}

function PayslipBody({ payslip }: { payslip: Payslip }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { employeeId } = useMe();
  const own = payslip.employee.id === employeeId;
  const [asking, setAsking] = useState<PayslipLineItemFragment | null>(null);
  const [acknowledge, ack] = useMutation(AcknowledgePayslipDocument);
  const period = `${payslip.period.year}-${String(payslip.period.month).padStart(2, '0')}`;

  const lines = (kind: 'accruals' | 'deductions' | 'payments', total: string) => {
    const list = payslip[kind];
    if (list.length === 0) return <Empty>{t('payroll.noLines')}</Empty>;
    const columns = [
      { key: 'code', label: t('payroll.code') },
      { key: 'name', label: t('payroll.name') },
      kind === 'payments'
        ? { key: 'paidOn', label: t('payroll.paidOn') }
        : { key: 'relatesTo', label: t('payroll.relatesTo') },
      ...(kind === 'accruals' ? [{ key: 'days', label: t('payroll.days'), numeric: true }] : []),
      { key: 'amount', label: t('payroll.amount'), numeric: true },
      ...(own ? [{ key: 'ask', label: t('payroll.ask') }] : []),
    ];
    return (
      <DataTable
        caption={t(`payroll.${kind}`)}
        captionHidden
        columns={columns}
        rows={list.map((line) => ({
          key: line.id,
          cells: {
            code: <span className="mono">{line.payCode}</span>,
            name: line.name,
            relatesTo: line.relatesTo ? format.monthShort(line.relatesTo) : null,
            paidOn: line.paidOn ? format.date(line.paidOn) : null,
            days: line.days,
            amount: format.money(line.amount),
            ask: (
              <button
                type="button"
                className="link-button"
                aria-label={t('payroll.askLabel', { name: line.name })}
                onClick={() => setAsking(line)}
              >
                {t('payroll.ask')}
              </button>
            ),
          },
        }))}
        footer={{
          key: 'total',
          cells: {
            name: <strong>{t('payroll.total')}</strong>,
            amount: <strong>{format.money(total)}</strong>,
          },
        }}
      />
    );
  };

  return (
    <div data-testid="payslip">
      {!own ? (
        <p className="muted">
          {t('payroll.employee')}: {payslip.employee.fullName}, {payslip.employee.personnelNumber}
        </p>
      ) : null}
      {payslip.status === 'ADVANCE' ? (
        <p className="notice notice-info">{t('payroll.advanceOnly')}</p>
      ) : null}
      <Card>
        <div className="stats">
          <div className="stat">
            <span className="stat-label">{t('payroll.accrued')}</span>
            <span className="stat-value">{format.money(payslip.totals.accrued)}</span>
          </div>
          <div className="stat">
            <span className="stat-label">{t('payroll.deducted')}</span>
            <span className="stat-value">{format.money(payslip.totals.deducted)}</span>
          </div>
          <div className="stat stat-accent">
            <span className="stat-label">{t('payroll.netPay')}</span>
            <span className="stat-value" data-testid="payslip-net">
              {format.money(netOf(payslip.totals))}
            </span>
          </div>
          <div className="stat">
            <span className="stat-label">{t('payroll.paid')}</span>
            <span className="stat-value">{format.money(payslip.totals.paid)}</span>
          </div>
        </div>
        <Facts
          items={[
            [
              t('payroll.worked'),
              payslip.workedDays !== null && payslip.workedDays !== undefined && payslip.normDays
                ? t('payroll.workedValue', { worked: payslip.workedDays, norm: payslip.normDays })
                : null,
            ],
            [t('payroll.openingBalance'), format.money(payslip.openingBalance)],
            [t('payroll.closingBalance'), format.money(payslip.closingBalance)],
          ]}
        />
        <p className="muted small">{t('payroll.balanceHint')}</p>
        <div className="actions-row">
          <DownloadPdfButton payslipId={payslip.id} fileName={`payslip-${period}.pdf`} />
          {own ? (
            payslip.acknowledgedAt ? (
              <span className="pill pill-ok">
                {t('payroll.acknowledged', { date: format.dateTime(payslip.acknowledgedAt) })}
              </span>
            ) : (
              <button
                type="button"
                className="button button-secondary"
                disabled={ack.loading}
                onClick={() =>
                  void acknowledge({ variables: { id: payslip.id } }).catch(() => undefined)
                }
              >
                {t('payroll.acknowledge')}
              </button>
            )
          ) : null}
        </div>
        {ack.error ? <ErrorNotice error={ack.error} /> : null}
      </Card>
      <Card title={t('payroll.accruals')}>{lines('accruals', payslip.totals.accrued)}</Card>
      <Card title={t('payroll.deductions')}>{lines('deductions', payslip.totals.deducted)}</Card>
      <Card title={t('payroll.payments')}>{lines('payments', payslip.totals.paid)}</Card>
      <Changes payslip={payslip} />
      {asking ? <AskDialog line={asking} onClose={() => setAsking(null)} /> : null}
    </div>
  );
}

function Changes({ payslip }: { payslip: Payslip }) {
  const { t } = useTranslation();
  const format = useFormat();
  const describe = (change: Payslip['changes'][number]) => {
    const values = {
      name: `${t(`payroll.kind.${change.kind}`)} «${change.name}»`,
      current: format.money(change.current),
      previous: format.money(change.previous),
      difference: format.money(change.difference.replace('-', '')),
    };
    if (change.change === 'APPEARED') return t('payroll.changeAPPEARED', values);
    if (change.change === 'DISAPPEARED') return t('payroll.changeDISAPPEARED', values);
    return change.difference.startsWith('-')
      ? t('payroll.changeDown', values)
      : t('payroll.changeUp', values);
  };
  return (
    <Card title={t('payroll.changesTitle')}>
      {payslip.changes.length === 0 ? (
        <Empty>{t('payroll.noChanges')}</Empty>
      ) : (
        <ul className="plain-list">
          {payslip.changes.map((change) => (
            <li key={`${change.kind}-${change.payCode}-${change.name}`}>{describe(change)}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function AskDialog({ line, onClose }: { line: PayslipLineItemFragment; onClose: () => void }) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [ask, { loading, error, data }] = useMutation(QuestionPayslipLineDocument);
  const submit = async () => {
    if (question.trim().length < 5) {
      setInvalid(true);
      return;
    }
    await ask({ variables: { lineId: line.id, question: question.trim() } }).catch(() => undefined);
  };
  return (
    <Dialog open title={t('payroll.askTitle', { name: line.name })} onClose={onClose}>
      {data ? (
        <>
          <p className="notice notice-success" role="status">
            {t('payroll.questionSent')}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={onClose}>
              {t('app.close')}
            </button>
          </div>
        </>
      ) : (
        <TextForm
          lead={t('payroll.askLead')}
          label={t('payroll.question')}
          rows={4}
          value={question}
          onChange={setQuestion}
          problem={invalid ? t('payroll.questionTooShort') : null}
          error={error}
          busy={loading}
          submitLabel={t('app.send')}
          onCancel={onClose}
          onSubmit={submit}
        />
      )}
    </Dialog>
  );
}
