import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { TextForm } from '../../components/text-form';
import { errorCode } from '../../components/errors';
import { Card, Facts } from '../../components/page';
import { ErrorNotice } from '../../components/query-state';
import type { EvaluationSheetAction } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ru } from '../../i18n/ru';
import { normalizeDecimal, sumDecimals, toScaled } from './period';
import { usePeriodLabel } from './period-picker';
import { SheetStatusPill } from './sheet-status';
import {
  useEnterFacts,
  useKpiError,
  useSheetAction,
  type Sheet,
  type SheetValue,
} from './use-sheet';

/**
 * One evaluation sheet: its status and score, the indicators (facts entered where the viewer may),
 * the steps the server allows the viewer (`actions`) and the history.
 */
export function SheetView({ sheet, own }: { sheet: Sheet; own: boolean }) {
  return (
    <div data-testid="kpi-sheet">
      <SheetSummary sheet={sheet} own={own} />
      <SheetTable sheet={sheet} own={own} />
      <SheetActions sheet={sheet} />
      <SheetHistory sheet={sheet} />
    </div>
  );
}

function SheetSummary({ sheet, own }: { sheet: Sheet; own: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  return (
    <Card>
      <Facts
        items={[
          ...(own ? [] : ([[t('kpi.team.employee'), sheet.employee.name]] as [string, string][])),
          [t('kpi.period'), periodLabel(sheet.period)],
          [t('kpi.statusLabel'), <SheetStatusPill key="status" status={sheet.status} />],
          [
            t('kpi.total'),
            sheet.totalScore ? (
              <span className="figure" data-testid="kpi-total">
                {format.decimal(sheet.totalScore)}
              </span>
            ) : (
              <span className="muted">{t('kpi.totalPending')}</span>
            ),
          ],
        ]}
      />
    </Card>
  );
}

/** Whether the viewer may enter a value's fact now: the server says, per sheet. */
const factEditable = (sheet: Sheet) => (value: SheetValue) =>
  sheet.factsEditable.includes(value.indicator.id);

const factsKey = (sheet: Sheet) =>
  `${sheet.id}/${sheet.values.map((value) => `${value.indicator.id}:${value.fact ?? ''}`).join('|')}`;
const draftsOf = (sheet: Sheet) =>
  Object.fromEntries(sheet.values.map((value) => [value.indicator.id, value.fact ?? '']));

function SheetTable({ sheet, own }: { sheet: Sheet; own: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const editable = factEditable(sheet);
  const editing = sheet.values.filter(editable);
  const [drafts, setDrafts] = useState<Record<string, string>>(() => draftsOf(sheet));
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const [saved, setSaved] = useState(false);
  // When the sheet changes on the server (saved here, or someone else's step), the inputs follow.
  const [seen, setSeen] = useState(() => factsKey(sheet));
  if (seen !== factsKey(sheet)) {
    setSeen(factsKey(sheet));
    setDrafts(draftsOf(sheet));
  }
  const [enter, { loading, error }] = useEnterFacts();
  const kpiError = useKpiError();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const bad = new Set<string>();
    const facts: { indicatorId: string; fact: string }[] = [];
    for (const value of editing) {
      const indicatorId = value.indicator.id;
      const draft = drafts[indicatorId] ?? '';
      if (!draft.trim()) continue;
      const fact = normalizeDecimal(draft);
      if (fact === null) bad.add(indicatorId);
      else if (value.fact === null || toScaled(fact) !== toScaled(value.fact))
        facts.push({ indicatorId, fact });
    }
    setInvalid(bad);
    setSaved(false);
    if (bad.size > 0 || facts.length === 0) return;
    try {
      await enter({ variables: { sheetId: sheet.id, facts } });
      setSaved(true);
    } catch {
      // Shown from `error`.
    }
  };

  const columns: Column[] = [
    { key: 'name', label: t('kpi.column.name'), primary: true },
    { key: 'unit', label: t('kpi.column.unit') },
    { key: 'weight', label: t('kpi.column.weight'), numeric: true },
    { key: 'plan', label: t('kpi.column.plan'), numeric: true },
    { key: 'fact', label: t('kpi.column.fact'), numeric: true },
    { key: 'achievement', label: t('kpi.column.achievement'), numeric: true },
    { key: 'points', label: t('kpi.column.points'), numeric: true },
  ];
  const factCell = (value: SheetValue) => {
    if (!editable(value)) return format.decimal(value.fact);
    const indicatorId = value.indicator.id;
    const wrong = invalid.has(indicatorId);
    const errorId = `${id}-${indicatorId}-error`;
    return (
      <span className="fact-cell">
        <input
          className="fact-input"
          inputMode="decimal"
          autoComplete="off"
          aria-label={t('kpi.factLabel', { name: value.indicator.name })}
          value={drafts[indicatorId] ?? ''}
          aria-invalid={wrong || undefined}
          aria-describedby={wrong ? errorId : undefined}
          onChange={(event) => {
            const next = event.target.value;
            setDrafts((current) => ({ ...current, [indicatorId]: next }));
          }}
        />
        {wrong ? (
          <span className="field-error block" id={errorId}>
            {t('kpi.factInvalid')}
          </span>
        ) : null}
      </span>
    );
  };
  const rows = sheet.values.map((value) => ({
    key: value.id,
    cells: {
      name: (
        <div>
          {value.indicator.name}
          {value.indicator.selfAssessed ? (
            <span className="pill">{t('kpi.selfAssessed')}</span>
          ) : null}
          {value.comment ? <span className="muted small block">{value.comment}</span> : null}
          {value.factEnteredBy && value.factEnteredAt ? (
            <span className="muted small block normal">
              {t('kpi.enteredBy', {
                name: value.factEnteredBy.name,
                date: format.dateTime(value.factEnteredAt),
              })}
            </span>
          ) : null}
        </div>
      ),
      unit: value.indicator.unit,
      weight: format.decimal(value.weight),
      plan: format.decimal(value.plan),
      fact: factCell(value),
      achievement: value.achievement ? `${format.decimal(value.achievement)} %` : null,
      points: format.decimal(value.points),
    },
  }));
  const weights = sumDecimals(sheet.values.map((value) => value.weight));
  const table = (
    <DataTable
      caption={t('kpi.sheetTitle')}
      captionHidden
      columns={columns}
      rows={rows}
      footer={{
        key: 'total',
        // Empty strings, not dashes: the row has only these two totals.
        cells: {
          name: t('kpi.totalRow'),
          unit: '',
          weight: weights ? format.decimal(weights) : null,
          plan: '',
          fact: '',
          achievement: '',
          points: sheet.totalScore ? <strong>{format.decimal(sheet.totalScore)}</strong> : null,
        },
      }}
    />
  );
  if (editing.length === 0)
    return (
      <Card>
        <div data-testid="kpi-table">{table}</div>
      </Card>
    );
  return (
    <Card>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="kpi-table">
        {own ? <p className="muted small">{t('kpi.factHint')}</p> : null}
        {table}
        {error ? <ErrorNotice error={error} describe={kpiError} /> : null}
        <div className="actions-row">
          <button type="submit" className="button button-primary" disabled={loading}>
            {loading ? t('kpi.saving') : t('kpi.saveFacts')}
          </button>
          <span role="status" className="muted">
            {saved && !loading ? t('kpi.factsSaved') : ''}
          </span>
        </div>
      </form>
    </Card>
  );
}

function SheetActions({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<EvaluationSheetAction | null>(null);
  return (
    <Card title={t('kpi.actionsTitle')}>
      {sheet.actions.length === 0 ? (
        <p className="muted">{t('kpi.noActions')}</p>
      ) : (
        <div className="action-buttons">
          {sheet.actions.map((item) => (
            <button
              key={item}
              type="button"
              className={`button ${item === 'RETURN' ? 'button-secondary' : 'button-primary'}`}
              onClick={() => setAction(item)}
            >
              {t(`kpi.action.${item}`)}
            </button>
          ))}
        </div>
      )}
      {action ? (
        <ActionDialog sheet={sheet} action={action} onClose={() => setAction(null)} />
      ) : null}
    </Card>
  );
}

function ActionDialog({
  sheet,
  action,
  onClose,
}: {
  sheet: Sheet;
  action: EvaluationSheetAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [act, { loading, error }] = useSheetAction();
  const kpiError = useKpiError();
  const required = action === 'RETURN';
  const describe = (failure: unknown) => {
    const absent = sheet.values.filter((value) => value.fact === null);
    if (action === 'SUBMIT' && errorCode(failure) === 'BAD_USER_INPUT' && absent.length > 0)
      return t('kpi.factsMissing', {
        names: absent.map((value) => value.indicator.name).join('; '),
      });
    return kpiError(failure);
  };
  const submit = async () => {
    if (required && !comment.trim()) return setMissing(true);
    setMissing(false);
    try {
      await act({
        variables: { sheetId: sheet.id, action, comment: comment.trim() || null },
      });
      onClose();
    } catch {
      // Shown from `error`.
    }
  };
  return (
    <Dialog open title={t(`kpi.action.${action}`)} onClose={onClose}>
      <TextForm
        lead={t(`kpi.actionLead.${action}`)}
        label={t('kpi.comment')}
        required={required}
        value={comment}
        onChange={setComment}
        problem={missing ? t('kpi.commentRequired') : null}
        error={error}
        describe={describe}
        busy={loading}
        submitLabel={t(`kpi.action.${action}`)}
        onCancel={onClose}
        onSubmit={submit}
      />
    </Dialog>
  );
}

type EventKey = Exclude<keyof typeof ru.kpi.event, 'other'>;
const eventKeys = new Set<string>(Object.keys(ru.kpi.event));

function SheetHistory({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  const format = useFormat();
  const eventName = (action: string) =>
    eventKeys.has(action) && action !== 'other'
      ? t(`kpi.event.${action as EventKey}`)
      : t('kpi.event.other');
  return (
    <Card title={t('kpi.history')}>
      {sheet.history.length === 0 ? (
        <p className="muted">{t('kpi.noHistory')}</p>
      ) : (
        <ol className="timeline" data-testid="kpi-history">
          {sheet.history.map((event) => (
            <li key={event.id}>
              <strong>{eventName(event.action)}</strong>
              <span className="muted block small">
                {event.actor.name}, {format.dateTime(event.createdAt)}
              </span>
              {event.comment ? <p className="message-text">{event.comment}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
