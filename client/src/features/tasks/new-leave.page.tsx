import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { DateField } from '../../components/date-field';
import { Card, Page } from '../../components/page';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { errorCode } from '../../components/errors';
import { ErrorNotice } from '../../components/query-state';
import { useFormat } from '../../i18n/format';
import { RequestLeaveDocument, TasksDocument, type LeaveRequestKind } from '../../gql/graphql';

const kinds: LeaveRequestKind[] = ['ANNUAL_BASIC', 'ANNUAL_ADDITIONAL', 'UNPAID', 'STUDY'];

/** Заявление на отпуск: goes to the manager, then to HR, as a task. */
export function NewLeavePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  /** The leave rules' refusals in words; other errors get the general wording. */
  const describe = (failure: unknown): string | null => {
    const extensions = CombinedGraphQLErrors.is(failure)
      ? failure.errors[0]?.extensions
      : undefined;
    switch (errorCode(failure)) {
      case 'LEAVE_NOTICE_TOO_SHORT': {
        const earliest = extensions?.['earliest'];
        return t('tasks.leaveForm.noticeTooShort', {
          date: typeof earliest === 'string' ? format.date(earliest) : '—',
        });
      }
      case 'LEAVE_OVERLAP':
        return t('tasks.leaveForm.overlap');
      case 'LEAVE_BALANCE_EXCEEDED': {
        const available = Number(extensions?.['availableDays'] ?? 0);
        return t('tasks.leaveForm.balanceExceeded', {
          days: t('units.leaveDays', {
            count: available,
            value: format.decimal(String(available)),
          }),
        });
      }
      case 'LEAVE_PART_TOO_SHORT':
        return t('tasks.leaveForm.partTooShort');
      default:
        return null;
    }
  };
  const [kind, setKind] = useState<LeaveRequestKind>('ANNUAL_BASIC');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ start?: string; end?: string }>({});
  const [request, { loading, error }] = useMutation(RequestLeaveDocument, {
    refetchQueries: [TasksDocument],
  });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!start) found.start = t('tasks.leaveForm.dateRequired');
    if (!end) found.end = t('tasks.leaveForm.dateRequired');
    else if (start && end < start) found.end = t('tasks.leaveForm.endBeforeStart');
    setErrors(found);
    if (found.start || found.end) return;
    try {
      const result = await request({
        variables: {
          input: { kind, startDate: start, endDate: end, comment: comment.trim() || null },
        },
      });
      if (result.data) await navigate(`/tasks/${result.data.requestLeave.id}`);
    } catch {
      // Shown from `error`.
    }
  };

  return (
    <Page title={t('tasks.leaveForm.title')} lead={t('tasks.leaveForm.lead')}>
      <Card>
        <form onSubmit={(event) => void submit(event)} noValidate className="form-narrow">
          <div className="field">
            <label htmlFor="leave-kind">{t('tasks.leaveForm.kind')}</label>
            <select
              id="leave-kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as LeaveRequestKind)}
            >
              {kinds.map((value) => (
                <option key={value} value={value}>
                  {t(`tasks.leaveKind.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <DateField
            id="leave-start"
            label={t('tasks.leaveForm.start')}
            value={start}
            onChange={setStart}
            error={errors.start}
          />
          <DateField
            id="leave-end"
            label={t('tasks.leaveForm.end')}
            value={end}
            min={start}
            onChange={setEnd}
            error={errors.end}
          />
          <div className="field">
            <label htmlFor="leave-comment">{t('tasks.leaveForm.comment')}</label>
            <textarea
              id="leave-comment"
              rows={3}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </div>
          {error ? <ErrorNotice error={error} describe={describe} /> : null}
          <button type="submit" className="button button-primary" disabled={loading}>
            {t('tasks.leaveForm.submit')}
          </button>
        </form>
      </Card>
    </Page>
  );
}
